package dev.whiteboard.feedback.repository;

import dev.whiteboard.feedback.domain.EstimateOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The grading of a structured estimate: asked of estimation-service until it answers. */
@Entity
@Table(name = "estimate_gradings")
public class EstimateGrading {
    @Id
    @Column(name = "note_id")
    public String noteId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "session_id")
    public UUID sessionId;

    public String phase;

    /** The note's estimate as it came: {@code {inputs, candidate}}. */
    public String estimate;

    @Enumerated(EnumType.STRING)
    public EstimateOutcome.Status status;

    /** estimation-service's answer (JSON) once graded. */
    public String result;

    @Column(name = "last_error")
    public String lastError;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "graded_at")
    public Instant gradedAt;
}
