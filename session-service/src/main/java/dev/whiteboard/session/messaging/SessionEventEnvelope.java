package dev.whiteboard.session.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.whiteboard.session.domain.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON value of every message on {@code whiteboard.session-events} (decision 0004). Null tenant or
 * session ids are written out as null, never left out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"eventId", "type", "schemaVersion", "tenantId", "sessionId", "sequence", "occurredAt", "payload"})
public record SessionEventEnvelope(UUID eventId, String type, int schemaVersion, String tenantId, UUID sessionId,
                                   long sequence, Instant occurredAt, EventPayload payload) {
    public static final int SCHEMA_VERSION = 1;

    public static SessionEventEnvelope of(String tenantId, UUID sessionId, long sequence, Instant occurredAt,
                                          EventPayload payload) {
        return new SessionEventEnvelope(UUID.randomUUID(), payload.type(), SCHEMA_VERSION, tenantId, sessionId,
                sequence, occurredAt, payload);
    }
}
