package dev.whiteboard.feedback.it;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.feedback.support.EventProducer;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.FeedbackApi;
import dev.whiteboard.feedback.support.Interview;
import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.testing.InjectLocalStack;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class OutageTests {
    private static final Duration WITHIN = Duration.ofSeconds(90);

    @InjectLocalStack
    LocalStack stack;

    @Inject
    ApiKeyDirectory directory;

    @Test
    void redisStoppedMidRunChangesNoScoreAndReadinessFollowsIt() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String key = directory.registerForTests(tenant, "pro");
        FeedbackApi api = new FeedbackApi(key);
        Interview before = Interview.newsFeed(tenant, "acc-redis", 10_000);
        Interview during = Interview.newsFeed(tenant, "acc-redis", 10_000);
        try (EventProducer producer = new EventProducer()) {
            producer.send(before.sessionId().toString(), before.events());
            JsonPath expected = InterviewFeedbackTests.awaitEstimate(api, before.sessionId(), "GRADED");
            awaitReadiness("UP");

            stack.redis().orElseThrow().stop();
            try {
                awaitReadiness("DOWN");
                int templateReads = FakeServicesResource.session().requestsFor("default");
                producer.send(during.sessionId().toString(), during.events());
                JsonPath actual = InterviewFeedbackTests.awaitEstimate(api, during.sessionId(), "GRADED");
                assertThat(InterviewFeedbackTests.comparable(actual.prettify()))
                        .isEqualTo(InterviewFeedbackTests.comparable(expected.prettify()));
                // the pinned version both reports use is held in process; "the latest version" is never held,
                // so reading it now shows the fallback from Redis to session-service
                given().header("X-API-Key", key).contentType("application/json")
                        .body("{\"templateId\":\"default\",\"text\":\"Evict with LRU.\"}")
                        .post("/coverage").then().statusCode(200);
                assertThat(FakeServicesResource.session().requestsFor("default")).isGreaterThan(templateReads);
            } finally {
                stack.redis().orElseThrow().start();
            }
        }
        awaitReadiness("UP");
    }

    @Test
    void readinessIsDownWhileKafkaOrPostgresIsUnreachableAndEventsAreNotLost() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        awaitReadiness("UP");

        stack.kafka().orElseThrow().stop();
        try {
            awaitReadiness("DOWN");
        } finally {
            stack.kafka().orElseThrow().start();
        }
        awaitReadiness("UP");

        Interview interview = Interview.newsFeed(tenant, "acc-pg", 10_000);
        try (EventProducer producer = new EventProducer()) {
            stack.postgres().orElseThrow().stop();
            try {
                awaitReadiness("DOWN");
                producer.send(interview.sessionId().toString(), interview.events());
            } finally {
                stack.postgres().orElseThrow().start();
            }
        }
        awaitReadiness("UP");
        assertThat(api.awaitFinal(interview.sessionId(), WITHIN).getString("outcome")).isEqualTo("COMPLETED");
    }

    @Test
    void withEstimationDownTheReportTurnsFinalUngradedAndIsGradedWhenItReturns() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Interview interview = Interview.newsFeed(tenant, "acc-estimation", 30_000);
        FakeServicesResource.estimation().setDown(true);
        try {
            try (EventProducer producer = new EventProducer()) {
                producer.send(interview.sessionId().toString(), interview.events());
            }
            JsonPath ungraded = api.awaitFinal(interview.sessionId(), WITHIN);
            assertThat(ungraded.getString("estimation.estimates[0].status")).isEqualTo("UNGRADED");
            assertThat(ungraded.getString("estimation.estimates[0].reason")).contains("not graded yet");
            assertThat(ungraded.getDouble("scoring.weights.estimation")).isZero();
            await().atMost(WITHIN).until(() -> api.report(interview.sessionId()).jsonPath()
                    .getString("estimation.estimates[0].reason").contains("last error"));
        } finally {
            FakeServicesResource.estimation().setDown(false);
        }
        JsonPath graded = InterviewFeedbackTests.awaitEstimate(api, interview.sessionId(), "GRADED");
        assertThat(graded.getString("status")).isEqualTo("FINAL");
        assertThat(graded.getString("estimation.estimates[0].grades[0].verdict")).isEqualTo("ORDER_OF_MAGNITUDE");
        assertThat(graded.getInt("estimation.score")).isEqualTo(50);
        assertThat(graded.getDouble("scoring.weights.estimation")).isEqualTo(0.15);
    }

    static void awaitReadiness(String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> status.equals(given().get("/q/health/ready").jsonPath().getString("status")));
    }
}
