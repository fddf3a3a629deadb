package dev.whiteboard.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiteboard.e2e.suite.RunningSuite;
import dev.whiteboard.e2e.suite.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * estimation-service is down while interviews with a structured estimate complete: their reports still
 * turn FINAL, with the estimate marked UNGRADED, and are graded once estimation-service is back.
 */
class EstimationOutageTest {
    private static final int INTERVIEWS = 3;

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void reportsTurnFinalUngradedAndAreGradedWhenEstimationReturns() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        ServiceProcess estimation = suite.service(RunningSuite.ESTIMATION);
        SuiteHttp http = new SuiteHttp(suite.newTenantKey("estimation outage", "pro"));
        InterviewOutcomes outcomes = InterviewOutcomes.withControlInterview(suite, http);
        FeedbackReports reports = new FeedbackReports(http, suite.url(RunningSuite.FEEDBACK));
        ScriptedInterview interview = new ScriptedInterview(http, suite.url(RunningSuite.SESSION));
        List<ScriptedInterview.Completed> completed = new ArrayList<>();

        try {
            estimation.stop();
            for (int i = 0; i < INTERVIEWS; i++) {
                completed.add(interview.run("estimation-outage-" + i, Duration.ZERO));
            }
            List<UUID> ids = completed.stream().map(ScriptedInterview.Completed::id).toList();
            Map<UUID, JsonNode> finals = reports.awaitFinal(ids, Duration.ofSeconds(60));
            assertThat(ids).as("reports not FINAL while estimation-service is down").filteredOn(id -> !finals.containsKey(id))
                    .isEmpty();
            finals.forEach((id, report) -> assertThat(estimateStatuses(report)).as("estimates of %s", id)
                    .containsExactly("UNGRADED"));
        } finally {
            estimation.start().awaitReady(Duration.ofSeconds(90));
        }

        List<UUID> ids = completed.stream().map(ScriptedInterview.Completed::id).toList();
        Map<UUID, JsonNode> graded = reports.await(ids,
                report -> estimateStatuses(report).equals(List.of("GRADED")), Duration.ofSeconds(120));
        assertThat(ids).as("reports whose estimate was not graded after estimation-service returned")
                .filteredOn(id -> !graded.containsKey(id)).isEmpty();
        outcomes.assertEachExactlyOnceFinal(completed, Duration.ofSeconds(10));
    }

    private static List<String> estimateStatuses(JsonNode report) {
        List<String> statuses = new ArrayList<>();
        report.path("estimation").path("estimates").forEach(e -> statuses.add(e.path("status").asText()));
        return statuses;
    }
}
