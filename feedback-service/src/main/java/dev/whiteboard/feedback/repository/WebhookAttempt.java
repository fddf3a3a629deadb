package dev.whiteboard.feedback.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One try at a delivery: when, what the receiver answered (or the error), and how long it took. */
@Entity
@Table(name = "webhook_attempts")
@IdClass(WebhookAttempt.Key.class)
public class WebhookAttempt {
    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Id
    public int attempt;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms")
    public long durationMs;

    public record Key(UUID deliveryId, int attempt) implements Serializable {
    }
}
