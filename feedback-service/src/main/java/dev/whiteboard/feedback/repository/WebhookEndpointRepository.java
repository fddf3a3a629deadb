package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.common.AffectedEntities;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, String> {
    private static final AffectedEntities ENDPOINTS = new AffectedEntities(WebhookEndpoint.class);

    /**
     * Stores a tenant's webhook in one statement: the first setting inserts it, a later one replaces URL and
     * secret, and two first settings at once cannot both insert (the second updates what the first wrote).
     */
    public Uni<WebhookEndpoint> upsert(String tenantId, String url, String secret, Instant now) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO webhook_endpoints (tenant_id, url, secret, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?4)
                        ON CONFLICT (tenant_id)
                        DO UPDATE SET url = EXCLUDED.url, secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, tenantId).setParameter(2, url).setParameter(3, secret).setParameter(4, now)
                .executeUpdate()
                // nothing of this tenant's is in this new session yet, so find reads the row just written
                .chain(() -> session.find(WebhookEndpoint.class, tenantId)));
    }

    /** The tenants' webhooks, managed. One array parameter (see SessionRepository.lockByIds). */
    public Uni<List<WebhookEndpoint>> findByTenants(Collection<String> tenantIds) {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT * FROM webhook_endpoints WHERE tenant_id = any(?1)", WebhookEndpoint.class, ENDPOINTS)
                .setParameter(1, tenantIds.toArray(new String[0]))
                .getResultList());
    }
}
