package dev.whiteboard.session.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.session.support.Api;
import dev.whiteboard.session.support.SseReader;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class SessionStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ApiKeyDirectory directory;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    String key;
    Api api;

    @BeforeEach
    void tenant() {
        key = directory.registerForTests(Api.uniqueRef("streams"), "pro");
        api = new Api(key);
    }

    private SseReader open(String session) {
        return new SseReader(URI.create(base.toString()).resolve("sessions/" + session + "/stream"), key);
    }

    @Test
    void sendsASnapshotThenEveryChangeInOrderAndEndsWithTheSession() throws Exception {
        String session = api.createSession(Api.uniqueRef("acc"));
        try (SseReader stream = open(session)) {
            assertThat(stream.status(WAIT)).isEqualTo(200);
            SseReader.Event snapshot = stream.next(WAIT);
            assertThat(snapshot.name()).isEqualTo("session");
            assertThat(snapshot.id()).isEqualTo("1");
            assertThat(json.readTree(snapshot.data()).path("status").asText()).isEqualTo("CREATED");

            api.act(session, "start").then().statusCode(200);
            api.note(session, "requirements", "Who uses it?").then().statusCode(201);
            api.act(session, "pause").then().statusCode(200);
            api.act(session, "resume").then().statusCode(200);
            api.act(session, "advance").then().statusCode(200);
            api.act(session, "abandon").then().statusCode(200);

            List<String> names = new ArrayList<>();
            List<Long> sequences = new ArrayList<>();
            SseReader.Event event;
            while ((event = stream.nextExcept(WAIT, "nudge")) != null) {
                JsonNode envelope = json.readTree(event.data());
                assertThat(envelope.path("sessionId").asText()).isEqualTo(session);
                assertThat(event.id()).isEqualTo(envelope.path("sequence").asText());
                assertThat(event.name()).isEqualTo(envelope.path("type").asText());
                names.add(event.name());
                sequences.add(envelope.path("sequence").asLong());
            }
            assertThat(names).containsExactly("session.started", "phase.started", "note.added", "session.paused",
                    "session.resumed", "phase.completed", "phase.started", "session.abandoned");
            assertThat(sequences).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(stream.ended()).isTrue();
        }
    }

    @Test
    void lastEventIdReplaysWhatWasMissedInsteadOfASnapshot() throws Exception {
        String session = api.createSession(Api.uniqueRef("acc"));
        api.act(session, "start").then().statusCode(200);
        api.note(session, "requirements", "first").then().statusCode(201);

        try (SseReader stream = new SseReader(URI.create(base.toString()).resolve("sessions/" + session + "/stream"),
                key, "2")) {
            assertThat(stream.next(WAIT)).extracting(SseReader.Event::name, SseReader.Event::id)
                    .containsExactly("phase.started", "3");
            assertThat(stream.next(WAIT)).extracting(SseReader.Event::name, SseReader.Event::id)
                    .containsExactly("note.added", "4");
            api.act(session, "complete").then().statusCode(200);
            assertThat(stream.nextExcept(WAIT, "nudge")).extracting(SseReader.Event::name).isEqualTo("phase.completed");
            assertThat(stream.nextExcept(WAIT, "nudge")).extracting(SseReader.Event::name).isEqualTo("session.completed");
            assertThat(stream.nextExcept(WAIT, "nudge")).isNull();
        }
    }

    @Test
    void aMissingSessionIs404BeforeAnyStream() {
        api.request().get("/sessions/" + UUID.randomUUID() + "/stream")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
