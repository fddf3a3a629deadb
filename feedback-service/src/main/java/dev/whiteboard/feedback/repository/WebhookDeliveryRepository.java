package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** Deliveries whose next attempt is due, locked for the caller; rows another replica holds are skipped. */
    public Uni<List<WebhookDelivery>> claimDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM webhook_deliveries
                        WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", WebhookDelivery.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** A tenant's deliveries, newest first; of one session when {@code sessionId} is given. */
    public Uni<List<WebhookDelivery>> listForTenant(String tenantId, UUID sessionId, int limit) {
        if (sessionId == null) {
            return find("tenantId = ?1 order by createdAt desc", tenantId).page(Page.ofSize(limit)).list();
        }
        return find("tenantId = ?1 and sessionId = ?2 order by createdAt desc", tenantId, sessionId)
                .page(Page.ofSize(limit)).list();
    }
}
