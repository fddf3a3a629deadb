package dev.whiteboard.session.repository;

import dev.whiteboard.session.domain.PageCursor;
import dev.whiteboard.session.domain.SessionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sessions, always looked up within their tenant: another tenant's session is simply not found. */
@ApplicationScoped
@WithSession
public class SessionRepository implements PanacheRepositoryBase<SessionEntity, UUID> {

    public Uni<SessionEntity> findOwned(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResult();
    }

    /** The session locked for this transaction, so that changes to one session run one after another. */
    public Uni<SessionEntity> lockOwned(String tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** One page, newest first, after {@code after} when given; {@code limit + 1} rows tell whether more follow. */
    public Uni<List<SessionEntity>> page(String tenantId, String candidateRef, SessionStatus status, PageCursor after,
                                         int limit) {
        List<String> where = new ArrayList<>(List.of("tenantId = :tenant"));
        Parameters parameters = Parameters.with("tenant", tenantId);
        if (candidateRef != null) {
            where.add("candidateRef = :candidate");
            parameters.and("candidate", candidateRef);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            where.add("(createdAt < :afterCreated or (createdAt = :afterCreated and id < :afterId))");
            parameters.and("afterCreated", after.createdAt()).and("afterId", after.id());
        }
        return find(String.join(" and ", where) + " order by createdAt desc, id desc", parameters)
                .range(0, limit).list();
    }
}
