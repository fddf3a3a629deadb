package dev.whiteboard.session.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.session.support.Api;
import dev.whiteboard.session.support.EventSchema;
import dev.whiteboard.session.support.PublishedEvents;
import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.testing.InjectLocalStack;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox end to end against the real broker: what is published, its order and schema, and what
 * happens while Kafka (and the other servers readiness depends on) are down.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class OutboxRelayTest {
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String CAPACITY_NOTE = """
            {"phase": "capacity", "text": "1000 writes a second.",
             "estimate": {"inputs": {"writes": 1000, "per": "SECOND", "readsPerWrite": 10},
                          "candidate": {"writeQps": 1000, "readQps": 10000, "servers": 3}}}""";

    @Inject
    ApiKeyDirectory directory;

    @InjectLocalStack
    LocalStack stack;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Api api;
    EventSchema schema = new EventSchema();

    @BeforeEach
    void tenant() {
        api = new Api(directory.registerForTests(Api.uniqueRef("outbox"), "pro"));
    }

    @Test
    void publishesEveryEventOfASessionInOrderKeyedByItsIdAndMatchingTheSchema() {
        String session = api.createSession(Api.uniqueRef("acc"));
        api.act(session, "start").then().statusCode(200);
        api.note(session, "requirements", "Who uses it?").then().statusCode(201);
        api.act(session, "advance").then().statusCode(200);
        api.act(session, "advance").then().statusCode(200);
        api.request().body(CAPACITY_NOTE).post("/sessions/" + session + "/notes").then().statusCode(201);
        api.act(session, "pause").then().statusCode(200);
        api.act(session, "resume").then().statusCode(200);
        api.act(session, "complete").then().statusCode(200);
        String template = api.request().body("""
                        {"name": "One phase", "phases": [{"key": "only", "title": "Only", "minMinutes": 1, "maxMinutes": 2}]}""")
                .post("/templates").then().statusCode(201).extract().path("id");
        List<String> expected = List.of("session.created", "session.started", "phase.started", "note.added",
                "phase.completed", "phase.started", "phase.completed", "phase.started", "note.added", "session.paused",
                "session.resumed", "phase.completed", "session.completed");

        Map<String, List<PublishedEvents.Message>> published = PublishedEvents.read(bootstrap,
                Map.of(session, expected.size(), template, 1), DELIVERY);

        List<PublishedEvents.Message> events = published.get(session);
        assertThat(PublishedEvents.firstSeenSequences(events))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected.size()).boxed().toList());
        assertThat(PublishedEvents.firstSeen(events)).extracting(m -> m.value().path("type").asText())
                .containsExactlyElementsOf(expected);
        assertThat(events).extracting(PublishedEvents.Message::partition).containsOnly(events.get(0).partition());
        for (PublishedEvents.Message message : events) {
            assertThat(schema.problems(message.value())).as(message.raw()).isEmpty();
            assertThat(message.value().path("sessionId").asText()).isEqualTo(session);
            assertThat(message.value().path("tenantId").isTextual()).isTrue();
        }
        List<PublishedEvents.Message> distinct = PublishedEvents.firstSeen(events);
        JsonNode note = distinct.get(8).value().path("payload");
        assertThat(note.path("text").asText()).isEqualTo("1000 writes a second.");
        assertThat(note.path("estimate").path("candidate").path("servers").asInt()).isEqualTo(3);
        JsonNode completed = distinct.get(12).value().path("payload").path("phases");
        assertThat(completed).hasSize(3);

        PublishedEvents.Message publication = published.get(template).get(0);
        assertThat(schema.problems(publication.value())).as(publication.raw()).isEmpty();
        assertThat(publication.value().path("type").asText()).isEqualTo("template.published");
        assertThat(publication.value().path("sessionId").isNull()).isTrue();
        assertThat(publication.value().path("payload").path("templateId").asText()).isEqualTo(template);
    }

    @Test
    void keepsAcceptingWritesWhileKafkaIsDownAndDeliversEverythingInOrderWhenItReturns() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        stack.kafka().orElseThrow().stop();
        try {
            awaitReadiness(503);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sessions.add(api.createSession(Api.uniqueRef("acc-offline")));
            }
            for (int round = 0; round < 3; round++) {
                for (String session : sessions) {
                    if (round == 0) {
                        api.act(session, "start").then().statusCode(200);
                    } else {
                        api.act(session, "advance").then().statusCode(200);
                    }
                    api.note(session, phaseOf(round), "note " + round).then().statusCode(201);
                }
            }
            // created, started + phase.started, note, then 2 x (completed + started + note)
            sessions.forEach(session -> expected.put(session, 1 + 2 + 1 + 2 * 3));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(metric("whiteboard_outbox_backlog")).isGreaterThanOrEqualTo(30));
        } finally {
            stack.kafka().orElseThrow().start();
        }
        awaitReadiness(200);

        Map<String, List<PublishedEvents.Message>> published = PublishedEvents.read(bootstrap, expected, DELIVERY);

        expected.forEach((session, count) -> {
            List<PublishedEvents.Message> events = published.get(session);
            assertThat(PublishedEvents.firstSeenSequences(events)).as(session)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
            events.forEach(m -> assertThat(schema.problems(m.value())).as(m.raw()).isEmpty());
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(metric("whiteboard_outbox_backlog")).isZero());
    }

    @Test
    void readinessIsDownWhileRedisOrPostgresqlIsUnreachable() {
        stack.redis().orElseThrow().stop();
        try {
            awaitReadiness(503);
        } finally {
            stack.redis().orElseThrow().start();
        }
        awaitReadiness(200);

        stack.postgres().orElseThrow().stop();
        try {
            awaitReadiness(503);
        } finally {
            stack.postgres().orElseThrow().start();
        }
        awaitReadiness(200);
        // the restarted Redis lost the test key (test keys live only there); the database kept everything else
        Api afterRestart = new Api(directory.registerForTests(Api.uniqueRef("outbox-after"), "pro"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                afterRestart.request().body("{\"question\":\"q\",\"candidateRef\":\"after-restart\"}").post("/sessions")
                        .then().statusCode(201));
    }

    @Test
    void exposesTheBusinessMetricsByTenant() {
        String session = api.createSession(Api.uniqueRef("acc"));
        api.act(session, "start").then().statusCode(200);
        api.act(session, "advance").then().statusCode(200);
        api.act(session, "abandon").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        String tenant = "tenant=\"" + tenantOf(session) + "\"";
        assertThat(metrics).containsPattern("whiteboard_sessions_created_total\\{[^}]*" + tenant + "[^}]*} 1\\.0");
        assertThat(metrics).containsPattern("whiteboard_sessions_started_total\\{[^}]*" + tenant + "[^}]*} 1\\.0");
        assertThat(metrics).containsPattern("whiteboard_sessions_abandoned_total\\{[^}]*" + tenant + "[^}]*} 1\\.0");
        assertThat(metrics).containsPattern("whiteboard_phases_completed_total\\{[^}]*budget=\"UNDER\"[^}]*phase=\"requirements\"[^}]*" + tenant);
        assertThat(metrics).contains("whiteboard_phase_budget_used_count{phase=\"requirements\"," + tenant + "}");
        assertThat(metrics).contains("whiteboard_outbox_oldest_age_seconds");
    }

    private String tenantOf(String session) {
        return PublishedEvents.read(bootstrap, Map.of(session, 1), DELIVERY).get(session).get(0)
                .value().path("tenantId").asText();
    }

    private static String phaseOf(int round) {
        return List.of("requirements", "functional-nonfunctional", "capacity").get(round);
    }

    private static void awaitReadiness(int status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(status));
    }

    private static double metric(String name) {
        String metrics = given().get("/q/metrics").then().extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}
