package dev.whiteboard.feedback.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A tenant's callback URL and signing secret. The secret is never logged nor returned. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    public String url;

    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public String toString() {
        return "WebhookEndpoint[tenant=" + tenantId + ", url=" + url + "]";
    }
}
