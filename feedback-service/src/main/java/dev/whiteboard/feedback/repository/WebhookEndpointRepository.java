package dev.whiteboard.feedback.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, String> {

    public Uni<List<WebhookEndpoint>> findByTenants(Collection<String> tenantIds) {
        return list("tenantId in ?1", tenantIds);
    }
}
