package dev.whiteboard.feedback.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.feedback.domain.EventType;
import dev.whiteboard.feedback.domain.PhaseTiming;
import dev.whiteboard.feedback.domain.SessionEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a session-events message (decision 0004) into a typed event, or says precisely why it cannot be
 * applied. Unknown fields are ignored (they are additive); an unknown type of schema version 1 is kept as
 * an event that changes nothing, so that it still fills its place in the session's sequence.
 */
@ApplicationScoped
public class SessionEventParser {
    static final int SCHEMA_VERSION = 1;
    static final int MAX_MESSAGE_CHARS = 1_000_000;
    private static final List<String> TIMING_LIST_FIELDS = List.of("phases", "timings", "phaseTimings");

    private final ObjectMapper json;

    public SessionEventParser(ObjectMapper json) {
        this.json = json;
    }

    public SessionEvent parse(String message) throws PoisonEventException {
        if (message == null || message.isBlank()) {
            throw new PoisonEventException("the message is empty");
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw new PoisonEventException("the message is larger than " + MAX_MESSAGE_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("the message is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PoisonEventException("the message is not a JSON object");
        }
        JsonNode schema = root.get("schemaVersion");
        if (schema == null || !schema.canConvertToInt() || schema.asInt() != SCHEMA_VERSION) {
            throw new PoisonEventException("schemaVersion " + (schema == null ? "is missing" : schema + " is not supported")
                    + "; this consumer reads version " + SCHEMA_VERSION);
        }
        UUID eventId = uuid(root, "eventId");
        String wireType = text(root, "type");
        if (wireType == null || wireType.isBlank()) {
            throw new PoisonEventException("type is required");
        }
        EventType type = EventType.fromWire(wireType);
        Instant occurredAt = instant(root, "occurredAt", true);
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new PoisonEventException("payload must be a JSON object");
        }
        if (type == EventType.TEMPLATE_PUBLISHED) {
            JsonNode seq = root.get("sequence");
            long sequence = seq != null && seq.canConvertToLong() ? seq.asLong() : 0;
            return new SessionEvent(eventId, type, wireType, text(root, "tenantId"), null, sequence, occurredAt,
                    templatePublished(payload));
        }
        String tenantId = text(root, "tenantId");
        if (tenantId == null || tenantId.isBlank()) {
            throw new PoisonEventException("tenantId is required for session events");
        }
        UUID sessionId = uuid(root, "sessionId");
        JsonNode seq = root.get("sequence");
        if (seq == null || !seq.isIntegralNumber() || seq.asLong() < 1) {
            throw new PoisonEventException("sequence must be an integer of at least 1");
        }
        return new SessionEvent(eventId, type, wireType, tenantId, sessionId, seq.asLong(), occurredAt,
                payload(type, payload, occurredAt));
    }

    private SessionEvent.Payload payload(EventType type, JsonNode p, Instant occurredAt) throws PoisonEventException {
        return switch (type) {
            case SESSION_CREATED -> new SessionEvent.SessionCreated(text(p, "question"), text(p, "candidateRef"),
                    required(p, "templateId"), positiveInt(p, "templateVersion"));
            case SESSION_STARTED, SESSION_PAUSED, SESSION_RESUMED -> new SessionEvent.PhaseChange(text(p, "phase"));
            case PHASE_STARTED -> {
                Instant startedAt = instant(p, "startedAt", false);
                JsonNode order = p.get("order");
                yield new SessionEvent.PhaseStarted(required(p, "phase"),
                        order != null && order.canConvertToInt() ? order.asInt() : 0,
                        startedAt == null ? occurredAt : startedAt);
            }
            case PHASE_COMPLETED -> new SessionEvent.PhaseCompleted(timing(p, "payload"));
            case NOTE_ADDED -> note(p);
            case SESSION_COMPLETED, SESSION_ABANDONED -> new SessionEvent.SessionEnded(timings(p));
            case TEMPLATE_PUBLISHED -> templatePublished(p);
            case UNRECOGNIZED -> new SessionEvent.Unrecognized();
        };
    }

    private SessionEvent.NoteAdded note(JsonNode p) throws PoisonEventException {
        String noteId = required(p, "noteId");
        String phase = required(p, "phase");
        JsonNode text = p.get("text");
        if (text == null || !text.isTextual()) {
            throw new PoisonEventException("payload.text must be a string");
        }
        JsonNode estimate = p.get("estimate");
        String estimateJson = null;
        if (estimate != null && !estimate.isNull()) {
            if (!estimate.isObject() || !estimate.path("inputs").isObject() || !estimate.path("candidate").isObject()) {
                throw new PoisonEventException("payload.estimate must be null or an object with inputs and candidate objects");
            }
            estimateJson = estimate.toString();
        }
        return new SessionEvent.NoteAdded(noteId, phase, text.asText(), estimateJson);
    }

    private List<PhaseTiming> timings(JsonNode p) throws PoisonEventException {
        for (String field : TIMING_LIST_FIELDS) {
            JsonNode list = p.get(field);
            if (list != null && list.isArray()) {
                List<PhaseTiming> timings = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = list.get(i);
                    if (!item.isObject()) {
                        throw new PoisonEventException("payload." + field + "[" + i + "] must be an object");
                    }
                    timings.add(timing(item, "payload." + field + "[" + i + "]"));
                }
                return timings;
            }
        }
        return List.of();
    }

    private PhaseTiming timing(JsonNode node, String where) throws PoisonEventException {
        String phase = text(node, "phase");
        if (phase == null || phase.isBlank()) {
            throw new PoisonEventException(where + ".phase is required");
        }
        JsonNode elapsed = node.get("elapsedSeconds");
        if (elapsed != null && !elapsed.isNull() && (!elapsed.isNumber() || elapsed.asDouble() < 0)) {
            throw new PoisonEventException(where + ".elapsedSeconds must be a number of at least 0");
        }
        return new PhaseTiming(phase, instant(node, "startedAt", false), instant(node, "endedAt", false),
                elapsed == null || elapsed.isNull() ? null : Math.round(elapsed.asDouble()),
                optionalInt(node, "minMinutes"), optionalInt(node, "maxMinutes"));
    }

    private SessionEvent.TemplatePublished templatePublished(JsonNode p) throws PoisonEventException {
        return new SessionEvent.TemplatePublished(required(p, "templateId"), positiveInt(p, "version"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) throws PoisonEventException {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("payload." + field + " is required");
        }
        return value;
    }

    private static int positiveInt(JsonNode node, String field) throws PoisonEventException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asInt() < 1) {
            throw new PoisonEventException("payload." + field + " must be an integer of at least 1");
        }
        return value.asInt();
    }

    private static Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() && value.isNumber() ? value.asInt() : null;
    }

    private static UUID uuid(JsonNode node, String field) throws PoisonEventException {
        String value = text(node, field);
        if (value == null) {
            throw new PoisonEventException(field + " is required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " must be a UUID");
        }
    }

    private static Instant instant(JsonNode node, String field, boolean required) throws PoisonEventException {
        String value = text(node, field);
        if (value == null) {
            if (required) {
                throw new PoisonEventException(field + " is required");
            }
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " must be an RFC 3339 timestamp");
        }
    }
}
