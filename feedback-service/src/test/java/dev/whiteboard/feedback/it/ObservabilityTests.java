package dev.whiteboard.feedback.it;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.feedback.support.EventProducer;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.FeedbackApi;
import dev.whiteboard.feedback.support.Interview;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class ObservabilityTests {

    @Inject
    ApiKeyDirectory directory;

    @Test
    void metricsCoverEventsReportsLatencyCoverageAndLag() {
        String tenant = "tenant-" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        double processed = InterviewFeedbackTests.metric("feedback_events_processed_total");
        double finals = InterviewFeedbackTests.metric("feedback_report_completion_to_final_seconds_count");
        Interview interview = Interview.newsFeed(tenant, "acc-metrics", 10_000);
        try (EventProducer producer = new EventProducer()) {
            producer.send(interview.sessionId().toString(), interview.events());
        }
        api.awaitFinal(interview.sessionId(), Duration.ofSeconds(60));

        assertThat(InterviewFeedbackTests.metric("feedback_events_processed_total"))
                .isGreaterThanOrEqualTo(processed + interview.events().size());
        assertThat(InterviewFeedbackTests.metric("feedback_report_completion_to_final_seconds_count"))
                .isGreaterThanOrEqualTo(finals + 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(InterviewFeedbackTests.metric("feedback_reports{status=\"FINAL\"}")).isPositive();
            assertThat(InterviewFeedbackTests.metric("feedback_coverage_average")).isBetween(0.0, 1.0);
        });
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("feedback_report_completion_to_final_seconds{quantile=\"0.99\""))
                .body(containsString("feedback_consumer_lag"))
                .body(containsString("feedback_template_cache_hits_total"))
                .body(containsString("feedback_template_cache_misses_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndTheSignature() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(document).contains("/coverage", "/feedback/{sessionId}", "/candidates/{candidateRef}/progress",
                "/webhooks", "/webhooks/deliveries", "Whiteboard-Signature: t=<unix seconds>,v1=<hex>");
    }
}
