package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /**
     * Events already applied among these: by id, or by a session's sequence number (a superset of the
     * pairs asked for; the caller matches pairs).
     */
    public Uni<List<AppliedEvent>> findApplied(Collection<UUID> eventIds, Collection<UUID> sessionIds,
                                               Collection<Long> sequences) {
        String select = "select new dev.whiteboard.feedback.repository.AppliedEvent(p.eventId, p.sessionId, p.sequence)"
                + " from ProcessedEvent p where ";
        return getSession().chain(session -> {
            if (sessionIds.isEmpty()) {
                return session.createSelectionQuery(select + "p.eventId in ?1", AppliedEvent.class)
                        .setParameter(1, eventIds).getResultList();
            }
            return session.createSelectionQuery(select + "p.eventId in ?1 or (p.sessionId in ?2 and p.sequence in ?3)",
                            AppliedEvent.class)
                    .setParameter(1, eventIds).setParameter(2, sessionIds).setParameter(3, sequences)
                    .getResultList();
        });
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
