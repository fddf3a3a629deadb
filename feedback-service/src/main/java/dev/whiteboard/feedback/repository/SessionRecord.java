package dev.whiteboard.feedback.repository;

import dev.whiteboard.feedback.domain.Lifecycle;
import dev.whiteboard.feedback.domain.PhaseTiming;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service knows of an interview, folded from its events. {@code stateVersion} grows with every
 * event applied; {@code reportStale} says the report has not caught up with it yet.
 */
@Entity
@Table(name = "sessions")
public class SessionRecord {
    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "candidate_ref")
    public String candidateRef;

    public String question;

    @Column(name = "template_id")
    public String templateId;

    @Column(name = "template_version")
    public Integer templateVersion;

    @Enumerated(EnumType.STRING)
    public Lifecycle lifecycle;

    @Column(name = "lifecycle_sequence")
    public long lifecycleSequence;

    @Column(name = "current_phase")
    public String currentPhase;

    @Column(name = "end_sequence")
    public Long endSequence;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_seen_at")
    public Instant endedSeenAt;

    @Column(name = "max_sequence")
    public long maxSequence;

    @Column(name = "applied_events")
    public long appliedEvents;

    /** Each phase's timing as JSON (written by {@code TimingsCodec}). */
    public String timings;

    /**
     * Not stored: the {@link #timings} text {@code TimingsCodec} last read or wrote for this instance, and what
     * it reads as, so that one transaction parses a session's timings once (the events, then the report).
     */
    @Transient
    public String timingsText;

    @Transient
    public List<PhaseTiming> timingsRead;

    @Column(name = "state_version")
    public long stateVersion;

    @Column(name = "report_stale")
    public boolean reportStale;

    public boolean finalized;

    /** When the report first turned FINAL. */
    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
