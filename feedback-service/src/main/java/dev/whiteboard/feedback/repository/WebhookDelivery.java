package dev.whiteboard.feedback.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One report to send to a tenant's URL, retried until it is accepted or the attempts run out. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {
    public enum Status { PENDING, RETRYING, DELIVERED, FAILED }

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "session_id")
    public UUID sessionId;

    public String event;

    public String url;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;
}
