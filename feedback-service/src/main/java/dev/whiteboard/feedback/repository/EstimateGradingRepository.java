package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class EstimateGradingRepository implements PanacheRepositoryBase<EstimateGrading, String> {
    private static final AffectedEntities GRADINGS = new AffectedEntities(EstimateGrading.class);

    /** The sessions' gradings, managed. One array parameter (see SessionRepository.lockByIds). */
    public Uni<List<EstimateGrading>> listBySessions(Collection<UUID> sessionIds) {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT * FROM estimate_gradings WHERE session_id = any(?1)", EstimateGrading.class, GRADINGS)
                .setParameter(1, sessionIds.toArray(new UUID[0]))
                .getResultList());
    }

    /** New estimates to grade; a note id stored already keeps its grading. */
    public Uni<Integer> insertAll(List<EstimateGrading> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> MultiRowInsert.execute(session, "estimate_gradings",
                List.of(
                        new MultiRowInsert.Column("note_id", "text"),
                        new MultiRowInsert.Column("tenant_id", "text"),
                        new MultiRowInsert.Column("session_id", "uuid"),
                        new MultiRowInsert.Column("phase", "text"),
                        new MultiRowInsert.Column("estimate", "text"),
                        new MultiRowInsert.Column("status", "text"),
                        new MultiRowInsert.Column("attempts", "integer"),
                        new MultiRowInsert.Column("next_attempt_at", "timestamptz"),
                        new MultiRowInsert.Column("created_at", "timestamptz")), "ON CONFLICT (note_id) DO NOTHING",
                rows.stream().map(g -> new Object[] {g.noteId, g.tenantId, g.sessionId, g.phase, g.estimate,
                        g.status.name(), g.attempts, g.nextAttemptAt, g.createdAt}).toList()));
    }

    /** Ungraded estimates whose next attempt is due, locked for the caller; rows another replica holds are skipped. */
    public Uni<List<EstimateGrading>> claimDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM estimate_gradings
                        WHERE status = 'UNGRADED' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", EstimateGrading.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
