package dev.whiteboard.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The outbox as the request path sees it: appending events and reading a session's recent ones. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntity, Long> {

    /** A session's events after {@code sequence}, in order (what a stream has not sent yet). */
    public Uni<List<OutboxEntity>> sessionEventsAfter(UUID sessionId, long sequence) {
        return find("sessionId = ?1 and sequence > ?2 order by sequence", sessionId, sequence).list();
    }
}
