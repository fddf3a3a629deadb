package dev.whiteboard.feedback.repository;

import dev.whiteboard.feedback.domain.ReportStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A session's report: the JSON served and sent, and the columns that lists and metrics query. */
@Entity
@Table(name = "reports")
public class ReportRecord {
    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "candidate_ref")
    public String candidateRef;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "overall_score")
    public Integer overallScore;

    public Double coverage;

    /** The report as JSON; null until it was first computed. */
    public String body;

    /** The session state version the body was computed from. */
    /** What the coverage in {@link #body} was computed from: {@code CoverageMemo.fingerprint}; null without a template. */
    @Column(name = "coverage_key")
    public String coverageKey;

    @Column(name = "computed_version")
    public long computedVersion;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
