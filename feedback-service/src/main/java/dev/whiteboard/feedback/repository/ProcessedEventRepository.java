package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {
    /** The table the read of applied events declares, so that it flushes as an HQL query on ProcessedEvent did. */
    private static final AffectedEntities APPLIED = new AffectedEntities(ProcessedEvent.class);

    /**
     * Events already applied among these: by id, or by a session's sequence number (a superset of the
     * pairs asked for; the caller matches pairs).
     */
    public Uni<List<AppliedEvent>> findApplied(Collection<UUID> eventIds, Collection<UUID> sessionIds,
                                               Collection<Long> sequences) {
        // one array parameter per list: the same statement whatever the sizes (see SessionRepository.lockByIds)
        return getSession().chain(session -> session.<Object[]>createNativeQuery("""
                                SELECT event_id, session_id, sequence FROM processed_events
                                WHERE event_id = any(?1) OR (session_id = any(?2) AND sequence = any(?3))""",
                        APPLIED)
                .setParameter(1, eventIds.toArray(new UUID[0]))
                .setParameter(2, sessionIds.toArray(new UUID[0]))
                .setParameter(3, sequences.toArray(new Long[0]))
                .getResultList()
                .map(rows -> {
                    List<AppliedEvent> applied = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        applied.add(new AppliedEvent((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue()));
                    }
                    return applied;
                }));
    }

    /** Records events as applied; an id or a session's sequence number recorded already fails the statement. */
    public Uni<Integer> insertAll(List<ProcessedEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> MultiRowInsert.execute(session, "processed_events",
                List.of(
                        new MultiRowInsert.Column("event_id", "uuid"),
                        new MultiRowInsert.Column("tenant_id", "text"),
                        new MultiRowInsert.Column("session_id", "uuid"),
                        new MultiRowInsert.Column("sequence", "bigint"),
                        new MultiRowInsert.Column("type", "text"),
                        new MultiRowInsert.Column("occurred_at", "timestamptz"),
                        new MultiRowInsert.Column("processed_at", "timestamptz")), null,
                rows.stream().map(p -> new Object[] {p.eventId, p.tenantId, p.sessionId, p.sequence, p.type,
                        p.occurredAt, p.processedAt}).toList()));
    }
}
