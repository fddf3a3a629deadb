package dev.whiteboard.feedback.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.feedback.domain.WebhookUrlPolicy;
import dev.whiteboard.feedback.repository.WebhookAttempt;
import dev.whiteboard.feedback.repository.WebhookAttemptRepository;
import dev.whiteboard.feedback.repository.WebhookDelivery;
import dev.whiteboard.feedback.repository.WebhookDeliveryRepository;
import dev.whiteboard.feedback.repository.WebhookEndpoint;
import dev.whiteboard.feedback.repository.WebhookEndpointRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A tenant's webhook endpoint and the record of deliveries to it. Secrets are stored, used to sign, never shown. */
@ApplicationScoped
public class WebhookSettings {
    public static final int MIN_SECRET_LENGTH = 16;
    public static final int MAX_SECRET_LENGTH = 256;

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final WebhookUrlPolicy urlPolicy;

    public WebhookSettings(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                           WebhookAttemptRepository attempts, WebhookUrlPolicy urlPolicy) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.urlPolicy = urlPolicy;
    }

    /** A delivery with its attempts, oldest attempt first. */
    public record DeliveryRecord(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    @WithTransaction
    public Uni<WebhookEndpoint> configure(String tenantId, String url, String secret) {
        urlPolicy.problemWith(url).ifPresent(problem -> {
            throw ProblemException.badRequest("url", problem);
        });
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw ProblemException.badRequest("secret", "must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters");
        }
        return endpoints.upsert(tenantId, url.trim(), secret, Instant.now())
                .invoke(endpoint -> Log.infof("tenant %s set its webhook URL to %s", tenantId, endpoint.url));
    }

    @WithSession
    public Uni<WebhookEndpoint> endpoint(String tenantId) {
        return endpoints.findById(tenantId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no webhook is configured; set one with PUT /webhooks"));
    }

    @WithSession
    public Uni<List<DeliveryRecord>> deliveries(String tenantId, UUID sessionId, int limit) {
        return deliveries.listForTenant(tenantId, sessionId, limit).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<DeliveryRecord>of());
            }
            List<UUID> ids = found.stream().map(d -> d.deliveryId).toList();
            return attempts.listForDeliveries(ids).map(rows -> {
                Map<UUID, List<WebhookAttempt>> byDelivery = rows.stream()
                        .collect(Collectors.groupingBy(a -> a.deliveryId));
                return found.stream()
                        .map(d -> new DeliveryRecord(d, byDelivery.getOrDefault(d.deliveryId, List.of())))
                        .toList();
            });
        });
    }
}
