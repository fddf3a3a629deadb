package dev.whiteboard.feedback.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.feedback.domain.EventType;
import dev.whiteboard.feedback.domain.SessionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionEventParserTest {
    private final SessionEventParser parser = new SessionEventParser(new ObjectMapper());

    @Test
    void aNoteWithAnEstimateIsRead() throws Exception {
        SessionEvent event = parser.parse(envelope("note.added", "{\"noteId\":\"n1\",\"phase\":\"capacity\","
                + "\"text\":\"10k writes/s\",\"estimate\":{\"inputs\":{\"dailyActiveUsers\":5},\"candidate\":{\"qps\":1}},"
                + "\"extra\":\"ignored\"}"));
        assertThat(event.type()).isEqualTo(EventType.NOTE_ADDED);
        SessionEvent.NoteAdded note = (SessionEvent.NoteAdded) event.payload();
        assertThat(note.text()).isEqualTo("10k writes/s");
        assertThat(note.estimateJson()).contains("\"dailyActiveUsers\":5");
    }

    @Test
    void theEndOfASessionCarriesEveryPhasesTiming() throws Exception {
        SessionEvent event = parser.parse(envelope("session.completed", "{\"phases\":[{\"phase\":\"requirements\","
                + "\"startedAt\":\"2026-11-28T09:00:00Z\",\"endedAt\":\"2026-11-28T09:09:00Z\",\"elapsedSeconds\":540,"
                + "\"minMinutes\":1,\"maxMinutes\":2}]}"));
        SessionEvent.SessionEnded ended = (SessionEvent.SessionEnded) event.payload();
        assertThat(ended.timings()).singleElement().satisfies(t -> {
            assertThat(t.elapsedSeconds()).isEqualTo(540);
            assertThat(t.maxMinutes()).isEqualTo(2);
        });
    }

    @Test
    void anUnknownTypeKeepsItsPlaceInTheSequence() throws Exception {
        SessionEvent event = parser.parse(envelope("session.renamed", "{}"));
        assertThat(event.type()).isEqualTo(EventType.UNRECOGNIZED);
        assertThat(event.wireType()).isEqualTo("session.renamed");
        assertThat(event.sequence()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all|the message is not JSON",
            "[1,2]|the message is not a JSON object",
            "{\"schemaVersion\":2}|schemaVersion 2 is not supported",
            "{\"schemaVersion\":1,\"eventId\":\"x\"}|eventId must be a UUID",
            "{\"schemaVersion\":1,\"eventId\":\"7d3f0c1e-3a4b-4c5d-8e9f-0a1b2c3d4e5f\",\"type\":\"note.added\",\"occurredAt\":\"yesterday\"}|occurredAt must be an RFC 3339 timestamp"})
    void unreadableMessagesSayWhy(String message, String reason) {
        assertThatThrownBy(() -> parser.parse(message)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void sessionEventsNeedATenantASessionAndAPositiveSequence() {
        assertThatThrownBy(() -> parser.parse(envelope("note.added", "{}").replace("\"tenantId\":\"t1\",", "")))
                .hasMessage("tenantId is required for session events");
        assertThatThrownBy(() -> parser.parse(envelope("session.started", "{}").replace("\"sequence\":3", "\"sequence\":0")))
                .hasMessage("sequence must be an integer of at least 1");
        assertThatThrownBy(() -> parser.parse(envelope("note.added", "{\"noteId\":\"n\",\"phase\":\"p\"}")))
                .hasMessage("payload.text must be a string");
        assertThatThrownBy(() -> parser.parse(envelope("session.created", "{\"templateId\":\"default\"}")))
                .hasMessage("payload.templateVersion must be an integer of at least 1");
    }

    private static String envelope(String type, String payload) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"tenantId\":\"t1\",\"sessionId\":\"" + UUID.randomUUID() + "\",\"sequence\":3,"
                + "\"occurredAt\":\"2026-11-28T09:00:00Z\",\"payload\":" + payload + "}";
    }
}
