package dev.whiteboard.feedback.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event that has taken effect; written in the transaction that applies it. */
@Entity
@Table(name = "processed_events")
public class ProcessedEvent {
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "session_id")
    public UUID sessionId;

    public long sequence;

    public String type;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "processed_at")
    public Instant processedAt;
}
