package dev.whiteboard.session.repository;

import dev.whiteboard.session.domain.SessionState;
import dev.whiteboard.session.domain.SessionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A session row; {@code revision} is the ETag and {@code lastSequence} the last event's sequence. */
@Entity
@Table(name = "sessions")
public class SessionEntity {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public String tenantId;
    public String question;
    @Column(name = "candidate_ref")
    public String candidateRef;
    @Column(name = "template_id")
    public String templateId;
    @Column(name = "template_version")
    public int templateVersion;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    @Column(name = "current_phase")
    public Integer currentPhase;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "phases")
    public PhaseTimings timing;
    public long revision;
    @Column(name = "last_sequence")
    public long lastSequence;
    @Column(name = "note_count")
    public int noteCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public SessionState state() {
        return new SessionState(status, timing.phases(), currentPhase, pausedAt);
    }

    public void apply(SessionState state) {
        status = state.status();
        timing = new PhaseTimings(state.phases());
        currentPhase = state.currentPhase();
        pausedAt = state.pausedAt();
    }
}
