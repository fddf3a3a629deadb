package dev.whiteboard.session.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event waiting for (or done with) publication; {@code envelope} is the exact JSON sent to Kafka. */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "kafka_key")
    public String kafkaKey;
    public long sequence;
    public String type;
    public String envelope;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "published_at")
    public Instant publishedAt;
}
