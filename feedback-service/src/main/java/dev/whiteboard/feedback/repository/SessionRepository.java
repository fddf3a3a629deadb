package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class SessionRepository implements PanacheRepositoryBase<SessionRecord, UUID> {
    private static final AffectedEntities SESSIONS = new AffectedEntities(SessionRecord.class);

    /**
     * Locks the sessions in id order: whatever changes a session (its events, its report, its gradings) runs one
     * after the other, and never in a deadlock. The sessions come back managed, locked as PESSIMISTIC_WRITE locks
     * them on PostgreSQL ({@code FOR NO KEY UPDATE}). Native SQL with one array parameter: the statement is the
     * same for any number of ids, so Hibernate does not translate it again for every list size (an
     * {@code in} list is) and PostgreSQL keeps one prepared statement.
     * <p>
     * A native query that declares no table makes Hibernate flush every pending change before it; declaring
     * the one it reads flushes only changes to that table, as the HQL query it replaces did. The other array
     * reads of the repositories declare theirs too.
     */
    public Uni<List<SessionRecord>> lockByIds(Collection<UUID> sessionIds) {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT * FROM sessions WHERE session_id = any(?1) ORDER BY session_id FOR NO KEY UPDATE",
                        SessionRecord.class, SESSIONS)
                .setParameter(1, sessionIds.toArray(new UUID[0]))
                .getResultList());
    }

    public Uni<SessionRecord> findForTenant(UUID sessionId, String tenantId) {
        return find("sessionId = ?1 and tenantId = ?2", sessionId, tenantId).firstResult();
    }

    /** Reports behind their session, and ended sessions still waiting for a missing event past the grace time. */
    public Uni<List<SessionRecord>> sweepList(Instant graceCutoff, int limit) {
        return find("reportStale = true or (endSequence is not null and finalized = false and endedSeenAt < ?1)"
                + " order by updatedAt", graceCutoff).page(Page.ofSize(limit)).list();
    }
}
