package dev.whiteboard.feedback.it;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.feedback.support.EventProducer;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.FakeSessionService;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class CoverageApiTests {
    private static final String CUSTOM = """
            {"id":"%s","version":%d,"name":"Caching drill","phases":[
              {"key":"deep-dive","title":"Deep dive","order":1,"minMinutes":5,"maxMinutes":10,"checklist":[
                {"key":"eviction","prompt":"Which eviction policy?","hint":"Name one: LRU, LFU or FIFO.",
                 "cues":["eviction","evict","lru","lfu","fifo"]}%s]}]}""";

    @Inject
    ApiKeyDirectory directory;

    private String key;

    @BeforeEach
    void key() {
        key = directory.registerForTests("tenant-" + UUID.randomUUID(), "pro");
    }

    @Test
    void aPlainTextIsScoredAgainstTheDefaultTemplateWithEvidence() {
        JsonPath result = post(Map.of("text", "Cache hot feeds in Redis with LRU eviction. CDN?"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getString("template.id")).isEqualTo("default");
        Map<String, Object> eviction = InterviewFeedbackTests.item(result, "cache-eviction");
        assertThat(eviction.get("covered")).isEqualTo(true);
        assertThat(result.getList("missed.itemKey")).contains("cdn");
        assertThat(result.getInt("coverage.coveredItems")).isPositive();
    }

    @Test
    void notesPerPhaseNameThePhaseTheEvidenceWasFoundIn() {
        JsonPath result = post(Map.of("templateId", "default", "templateVersion", FakeSessionService.DEFAULT_VERSION, "notes", List.of(
                Map.of("phase", "requirements", "text", "Edge caching through a CDN keeps image latency low."),
                Map.of("phase", "deep-dive", "text", "Shard posts by user id."))))
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> cdn = InterviewFeedbackTests.item(result, "cdn");
        assertThat(cdn.get("covered")).isEqualTo(true);
        List<Map<String, Object>> evidence = castList(cdn.get("evidence"));
        assertThat(evidence).extracting(e -> e.get("phase")).containsOnly("requirements");
        assertThat(result.getInt("template.version")).isEqualTo(FakeSessionService.DEFAULT_VERSION);
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        post(Map.of("text", "LRU", "notes", List.of())).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        post(Map.of()).then().statusCode(400).body("errors[0].field", equalTo("body"));
        post(Map.of("notes", List.of(Map.of("phase", "nope", "text", "x")))).then().statusCode(400)
                .body("errors[0].field", equalTo("notes[0].phase"));
        post(Map.of("notes", List.of(Map.of("text", "x")))).then().statusCode(400)
                .body("errors[0].field", equalTo("notes[0].phase"));
        post(Map.of("text", "x".repeat(20_001))).then().statusCode(413).body("errors[0].field", equalTo("text"));
        post(Map.of("text", "LRU", "templateId", "no-such-template")).then().statusCode(422)
                .body("errors[0].field", equalTo("templateId"));
        post(Map.of("text", "LRU", "templateId", "bad id!")).then().statusCode(400)
                .body("errors[0].field", equalTo("templateId"));
        post(Map.of("text", "LRU", "templateVersion", 0)).then().statusCode(400)
                .body("errors[0].field", equalTo("templateVersion"));
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"text\": 12")
                .post("/coverage").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("text", "LRU")).post("/coverage").then().statusCode(401);
    }

    @Test
    void templatesAreCachedInRedisAndPublishingInvalidatesThem() {
        String id = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        FakeServicesResource.session().put(id, 1, CUSTOM.formatted(id, 1, ""));
        double hits = InterviewFeedbackTests.metric("feedback_template_cache_hits_total");
        double misses = InterviewFeedbackTests.metric("feedback_template_cache_misses_total");

        post(Map.of("templateId", id, "text", "LRU eviction")).then().statusCode(200)
                .body("template.version", equalTo(1)).body("coverage.coveredItems", equalTo(1));
        post(Map.of("templateId", id, "text", "LRU eviction")).then().statusCode(200)
                .body("template.version", equalTo(1));
        assertThat(FakeServicesResource.session().requestsFor(id)).isEqualTo(1);
        assertThat(InterviewFeedbackTests.metric("feedback_template_cache_misses_total")).isEqualTo(misses + 1);
        assertThat(InterviewFeedbackTests.metric("feedback_template_cache_hits_total")).isEqualTo(hits + 1);

        FakeServicesResource.session().put(id, 2, CUSTOM.formatted(id, 2, """
                ,{"key":"ttl","prompt":"Do entries expire?","hint":"Give entries a TTL.","cues":["ttl","expire"]}"""));
        post(Map.of("templateId", id, "text", "LRU eviction")).then().statusCode(200)
                .body("template.version", equalTo(1));
        try (EventProducer producer = new EventProducer()) {
            producer.send(id, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"template.published\","
                    + "\"schemaVersion\":1,\"tenantId\":\"t\",\"sessionId\":null,\"sequence\":2,"
                    + "\"occurredAt\":\"2026-11-28T09:00:00Z\",\"payload\":{\"templateId\":\"" + id + "\",\"version\":2}}");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> post(Map.of("templateId", id, "text", "LRU eviction")).jsonPath()
                        .getInt("template.version") == 2);
        assertThat(FakeServicesResource.session().requestsFor(id)).isEqualTo(2);
    }

    @Test
    void aPinnedVersionIsHeldInProcessAfterItsFirstReadUntilAPublicationOfItIsConsumed() {
        String id = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        FakeServicesResource.session().put(id, 1, CUSTOM.formatted(id, 1, ""));
        Map<String, Object> pinned = Map.of("templateId", id, "templateVersion", 1, "text", "LRU eviction");

        post(pinned).then().statusCode(200).body("template.version", equalTo(1));
        double redisHits = InterviewFeedbackTests.metric("feedback_template_cache_hits_total");
        double localHits = InterviewFeedbackTests.metric("feedback_template_cache_local_hits_total");
        post(pinned).then().statusCode(200).body("coverage.coveredItems", equalTo(1));
        post(pinned).then().statusCode(200).body("coverage.coveredItems", equalTo(1));
        assertThat(InterviewFeedbackTests.metric("feedback_template_cache_local_hits_total")).isEqualTo(localHits + 2);
        assertThat(InterviewFeedbackTests.metric("feedback_template_cache_hits_total")).isEqualTo(redisHits);
        assertThat(FakeServicesResource.session().requestsFor(id)).isEqualTo(1);

        try (EventProducer producer = new EventProducer()) {
            producer.send(id, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"template.published\","
                    + "\"schemaVersion\":1,\"tenantId\":\"t\",\"sessionId\":null,\"sequence\":1,"
                    + "\"occurredAt\":\"2026-11-28T09:00:00Z\",\"payload\":{\"templateId\":\"" + id + "\",\"version\":1}}");
        }
        // once the publication is consumed, the next read goes to session-service again, and is then held
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            post(pinned).then().statusCode(200);
            return FakeServicesResource.session().requestsFor(id) == 2;
        });
        post(pinned).then().statusCode(200).body("coverage.coveredItems", equalTo(1));
        assertThat(FakeServicesResource.session().requestsFor(id)).isEqualTo(2);
    }

    @Test
    void theLatestVersionIsUsedWhenNoneIsGiven() {
        String id = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        FakeServicesResource.session().put(id, 1, CUSTOM.formatted(id, 1, ""));
        FakeServicesResource.session().put(id, 2, CUSTOM.formatted(id, 2, """
                ,{"key":"ttl","prompt":"Do entries expire?","hint":"Give entries a TTL.","cues":["ttl","expire"]}"""));
        post(Map.of("templateId", id, "text", "Entries expire after a 60 s TTL.")).then().statusCode(200)
                .body("template.version", equalTo(2)).body("missed.itemKey", hasItem("eviction"));
    }

    private io.restassured.response.Response post(Object body) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(body).post("/coverage");
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return (List<T>) value;
    }
}
