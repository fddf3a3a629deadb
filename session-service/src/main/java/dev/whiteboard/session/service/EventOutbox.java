package dev.whiteboard.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.session.domain.EventPayload;
import dev.whiteboard.session.messaging.SessionEventEnvelope;
import dev.whiteboard.session.repository.OutboxEntity;
import dev.whiteboard.session.repository.OutboxRepository;
import dev.whiteboard.session.repository.SessionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events into the outbox in the caller's transaction: the change and its events commit together
 * or not at all. Session events take the session's next sequence numbers; a template event's sequence is
 * the template version.
 */
@ApplicationScoped
public class EventOutbox {
    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public EventOutbox(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public Uni<List<SessionEventEnvelope>> appendForSession(SessionEntity session, List<EventPayload> payloads,
                                                            Instant at) {
        List<SessionEventEnvelope> envelopes = new ArrayList<>();
        List<OutboxEntity> rows = new ArrayList<>();
        for (EventPayload payload : payloads) {
            session.lastSequence++;
            SessionEventEnvelope envelope = SessionEventEnvelope.of(session.tenantId, session.id, session.lastSequence,
                    at, payload);
            envelopes.add(envelope);
            rows.add(row(envelope, session.id.toString()));
        }
        return outbox.persist(rows).replaceWith(envelopes);
    }

    public Uni<SessionEventEnvelope> appendForTemplate(String tenantId, String templateId, int version, Instant at) {
        SessionEventEnvelope envelope = SessionEventEnvelope.of(tenantId, null, version, at,
                new EventPayload.TemplatePublished(templateId, version));
        return outbox.persist(row(envelope, templateId)).replaceWith(envelope);
    }

    private OutboxEntity row(SessionEventEnvelope envelope, String kafkaKey) {
        OutboxEntity row = new OutboxEntity();
        row.eventId = envelope.eventId();
        row.tenantId = envelope.tenantId();
        row.sessionId = envelope.sessionId();
        row.kafkaKey = kafkaKey;
        row.sequence = envelope.sequence();
        row.type = envelope.type();
        row.occurredAt = envelope.occurredAt();
        try {
            row.envelope = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
        return row;
    }
}
