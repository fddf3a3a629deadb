package dev.whiteboard.feedback.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.feedback.support.EventProducer;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.FeedbackApi;
import dev.whiteboard.feedback.support.Interview;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class InterviewFeedbackTests {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventProducer producer;

    @Inject
    ApiKeyDirectory directory;

    @BeforeAll
    static void producer() {
        producer = new EventProducer();
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aWholeInterviewBecomesAFinalReportWithEvidenceMissedItemsTimingAndGradedEstimate() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Interview interview = Interview.newsFeed(tenant, "acc-fb", 12_000);

        api.report(interview.sessionId()).then().statusCode(404).contentType("application/problem+json");
        producer.send(interview.sessionId().toString(), interview.events());

        JsonPath report = api.awaitFinal(interview.sessionId(), WITHIN);
        assertThat(report.getString("outcome")).isEqualTo("COMPLETED");
        assertThat(report.getString("candidateRef")).isEqualTo("acc-fb");
        assertThat(report.getString("question")).isEqualTo("Design a news feed");
        assertThat(report.getList("coverage.phases")).hasSize(6);

        Map<String, Object> eviction = item(report, "cache-eviction");
        assertThat(eviction.get("covered")).isEqualTo(true);
        List<Map<String, String>> evidence = castList(eviction.get("evidence"));
        assertThat(evidence).anySatisfy(e -> {
            assertThat(e.get("phase")).isEqualTo("deep-dive");
            assertThat(e.get("sentence")).contains("LRU");
        });
        List<Map<String, String>> missed = report.getList("missed");
        assertThat(missed).anySatisfy(m -> {
            assertThat(m.get("itemKey")).isEqualTo("cdn");
            assertThat(m.get("hint")).isNotBlank();
        });

        List<Map<String, Object>> phases = report.getList("timeManagement.phases");
        Map<String, Object> requirements = phases.stream().filter(p -> p.get("phase").equals("requirements")).findFirst()
                .orElseThrow();
        assertThat(requirements.get("sentence")).isEqualTo("you spent 9 minutes on requirements; the budget is 1-2");
        assertThat(requirements.get("verdict")).isEqualTo("OVER_BUDGET");
        assertThat(requirements.get("score")).isEqualTo(22);

        assertThat(report.getDouble("scoring.weights.coverage")).isPositive();
        assertThat(report.getString("scoring.method")).contains("0.60 × coverage");
        int overall = report.getInt("overallScore");
        assertThat(overall).isBetween(0, 100);

        JsonPath graded = awaitEstimate(api, interview.sessionId(), "GRADED");
        assertThat(graded.getString("status")).isEqualTo("FINAL");
        assertThat(graded.getString("estimation.estimates[0].grades[0].verdict")).isEqualTo("ACCURATE");
        assertThat(graded.getInt("estimation.score")).isEqualTo(100);
        assertThat(graded.getDouble("scoring.weights.estimation")).isEqualTo(0.15);
        JsonNode sent = FakeServicesResource.estimation().bodies().stream()
                .filter(b -> b.path("candidate").path("writesPerSecond").asDouble() == 12_000).findFirst().orElseThrow();
        assertThat(sent.path("dailyActiveUsers").asLong()).isEqualTo(100_000_000L);
        assertThat(sent.has("inputs")).isFalse();
    }

    @Test
    void aRunningInterviewHasALiveReportThatFollowsTheNotes() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Interview interview = new Interview(tenant).created("Design a chat", "acc-live").started()
                .phase("requirements", 1, 90, 1, 2, "Users chat one to one; messages must arrive within 200 ms.");
        producer.send(interview.sessionId().toString(), interview.events());

        await().atMost(WITHIN).until(() -> {
            JsonPath report = api.report(interview.sessionId()).jsonPath();
            return report.get("coverage") != null && item(report, "low-latency").get("covered").equals(true)
                    && "you spent 2 minutes on requirements; the budget is 1-2"
                    .equals(report.getString("timeManagement.phases[0].sentence"));
        });
        JsonPath live = api.report(interview.sessionId()).jsonPath();
        assertThat(live.getString("status")).isEqualTo("LIVE");
        assertThat(live.getString("finalizedAt")).isNull();
        assertThat(item(live, "cdn").get("covered")).isEqualTo(false);
        assertThat(live.getString("timeManagement.phases[1].verdict")).isEqualTo("NOT_STARTED");

        producer.send(interview.sessionId().toString(), List.of(continueWith(interview, 6, "note.added",
                "{\"noteId\":\"" + UUID.randomUUID() + "\",\"phase\":\"deep-dive\",\"text\":\"Serve avatars through a "
                        + "CDN with pull caching and a one-day TTL.\",\"estimate\":null}")));
        await().atMost(WITHIN).until(() -> item(api.report(interview.sessionId()).jsonPath(), "cdn").get("covered")
                .equals(true));
        assertThat(api.report(interview.sessionId()).jsonPath().getString("status")).isEqualTo("LIVE");
    }

    @Test
    void noteTextWithQuotesBackslashesBracesAndNonAsciiIsStoredAsWritten() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        String text = "Evict with LRU, keys like \"user:{id}\" under C:\\cache\\{a,b}; NULL is a word here, "
                + "and the naïve TTL is 60 s — ok";
        Interview interview = new Interview(tenant).created("Design a cache \"quoted\" {x}", "acc-\\odd").started()
                .phase("deep-dive", 6, 300, 10, 15, text);
        producer.send(interview.sessionId().toString(), interview.events());

        await().atMost(WITHIN).until(() -> {
            JsonPath report = api.report(interview.sessionId()).jsonPath();
            return report.get("coverage") != null && item(report, "cache-eviction").get("covered").equals(true);
        });
        JsonPath report = api.report(interview.sessionId()).jsonPath();
        assertThat(report.getString("question")).isEqualTo("Design a cache \"quoted\" {x}");
        assertThat(report.getString("candidateRef")).isEqualTo("acc-\\odd");
        List<Map<String, String>> evidence = castList(item(report, "cache-eviction").get("evidence"));
        assertThat(evidence).anySatisfy(e -> {
            assertThat(text).contains(e.get("sentence"));
            assertThat(e.get("sentence")).contains("LRU").contains("\"user:{id}\"").contains("C:\\cache\\{a,b}");
        });
    }

    @Test
    void duplicatedAndReorderedEventsGiveTheSameReport() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Interview inOrder = Interview.newsFeed(tenant, "acc-order", 9_000);
        Interview shuffled = Interview.newsFeed(tenant, "acc-order", 9_000);
        producer.send(inOrder.sessionId().toString(), inOrder.events());

        List<String> messy = new ArrayList<>(shuffled.events());
        messy.addAll(shuffled.events());
        Collections.shuffle(messy, new Random(42));
        producer.send(shuffled.sessionId().toString(), messy);
        // the same events once more under other keys: other partitions, other consumers, side by side
        for (int i = 0; i < shuffled.events().size(); i++) {
            producer.send(shuffled.sessionId() + "-replay-" + i, shuffled.events().get(i));
        }

        JsonPath expected = awaitEstimate(api, inOrder.sessionId(), "GRADED");
        JsonPath actual = awaitEstimate(api, shuffled.sessionId(), "GRADED");
        assertThat(comparable(actual.prettify())).isEqualTo(comparable(expected.prettify()));

        String before = api.report(inOrder.sessionId()).asString();
        double duplicatesBefore = metric("feedback_events_duplicates_total");
        producer.send(inOrder.sessionId().toString(), inOrder.events());
        await().atMost(WITHIN).until(() -> metric("feedback_events_duplicates_total")
                >= duplicatesBefore + inOrder.events().size());
        assertThat(api.report(inOrder.sessionId()).asString()).isEqualTo(before);
    }

    @Test
    void anotherTenantsReportAndProgressAreNotFound() {
        String owner = "tenant-" + UUID.randomUUID();
        FeedbackApi ownerApi = new FeedbackApi(directory.registerForTests(owner, "pro"));
        String otherKey = directory.registerForTests("tenant-" + UUID.randomUUID(), "pro");
        Interview interview = Interview.newsFeed(owner, "acc-private", 10_000);
        producer.send(interview.sessionId().toString(), interview.events());
        ownerApi.awaitFinal(interview.sessionId(), WITHIN);

        String missing = given().header("X-API-Key", otherKey).get("/feedback/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").extract().path("title");
        given().header("X-API-Key", otherKey).get("/feedback/" + interview.sessionId())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo(missing));
        given().header("X-API-Key", otherKey).get("/candidates/acc-private/progress")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", ownerApi.key()).get("/candidates/acc-private/progress")
                .then().statusCode(200).body("finishedSessions", equalTo(1));
        given().get("/feedback/" + interview.sessionId()).then().statusCode(401);
        given().header("X-API-Key", ownerApi.key()).get("/feedback/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void progressShowsScoresOverSessionsAndTheTopicsMissedMostOften() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Interview first = Interview.newsFeed(tenant, "acc-progress", 10_000);
        Interview second = new Interview(tenant).created("Design a URL shortener", "acc-progress").started()
                .phase("requirements", 1, 90, 1, 2, "Users shorten links; reads outnumber writes 100 to 1.")
                .phase("deep-dive", 6, 900, 15, 20, "Serve redirects from a CDN with pull caching; Redis with LRU "
                        + "eviction holds hot links.")
                .completed();
        producer.send(first.sessionId().toString(), first.events());
        api.awaitFinal(first.sessionId(), WITHIN);
        producer.send(second.sessionId().toString(), second.events());
        api.awaitFinal(second.sessionId(), WITHIN);

        JsonPath progress = given().header("X-API-Key", api.key()).get("/candidates/acc-progress/progress")
                .then().statusCode(200).extract().jsonPath();
        assertThat(progress.getInt("sessions")).isEqualTo(2);
        assertThat(progress.getInt("finishedSessions")).isEqualTo(2);
        assertThat(progress.getList("history.sessionId")).containsExactly(first.sessionId().toString(),
                second.sessionId().toString());
        List<Map<String, Object>> mostMissed = progress.getList("mostMissed");
        assertThat(mostMissed).isNotEmpty().allSatisfy(m -> {
            assertThat(m.get("missedIn")).isEqualTo(2);
            assertThat(m.get("outOf")).isEqualTo(2);
            assertThat((String) m.get("hint")).isNotBlank();
        });
        assertThat(mostMissed).extracting(m -> m.get("itemKey")).doesNotContain("cache-eviction", "cdn");
        assertThat(progress.getInt("latestScore")).isEqualTo(progress.getInt("history[1].overallScore"));
    }

    static JsonPath awaitEstimate(FeedbackApi api, UUID sessionId, String status) {
        api.awaitFinal(sessionId, WITHIN);
        await().atMost(WITHIN).until(() -> status.equals(
                api.report(sessionId).jsonPath().getString("estimation.estimates[0].status")));
        return api.report(sessionId).jsonPath();
    }

    static Map<String, Object> item(JsonPath report, String key) {
        List<Map<String, Object>> phases = report.getList("coverage.phases");
        for (Map<String, Object> phase : phases) {
            List<Map<String, Object>> items = castList(phase.get("items"));
            for (Map<String, Object> item : items) {
                if (item.get("itemKey").equals(key)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + key + " in " + report.prettify());
    }

    /** The report without what names the session or says when it was computed. */
    static JsonNode comparable(String body) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(body);
        node.remove(List.of("sessionId", "updatedAt", "finalizedAt"));
        node.path("estimation").path("estimates").forEach(e -> ((ObjectNode) e).remove("noteId"));
        return node;
    }

    static double metric(String name) {
        String text = given().get("/q/metrics").asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static String continueWith(Interview interview, long sequence, String type, String payload) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"tenantId\":\"" + tenantOf(interview) + "\",\"sessionId\":\"" + interview.sessionId()
                + "\",\"sequence\":" + sequence + ",\"occurredAt\":\"2026-11-28T09:10:00Z\",\"payload\":" + payload + "}";
    }

    private static String tenantOf(Interview interview) {
        try {
            return JSON.readTree(interview.events().get(0)).path("tenantId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return (List<T>) value;
    }
}
