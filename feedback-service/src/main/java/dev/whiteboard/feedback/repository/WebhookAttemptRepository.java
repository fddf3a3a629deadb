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
public class WebhookAttemptRepository implements PanacheRepositoryBase<WebhookAttempt, WebhookAttempt.Key> {

    public Uni<List<WebhookAttempt>> listForDeliveries(Collection<UUID> deliveryIds) {
        return list("deliveryId in ?1 order by attempt", deliveryIds);
    }
}
