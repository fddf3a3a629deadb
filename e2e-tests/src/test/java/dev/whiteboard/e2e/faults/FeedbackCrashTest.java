package dev.whiteboard.e2e.faults;

import dev.whiteboard.e2e.suite.RunningSuite;
import dev.whiteboard.e2e.suite.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * feedback-service dies by SIGKILL in the middle of a stream of events and is started again: what it
 * had applied is in its database, what it had not is redelivered by Kafka, and every interview still
 * gets exactly one FINAL report with each event applied once.
 */
class FeedbackCrashTest {
    private static final int INTERVIEWS = 100;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyInterviewTurnsFinalExactlyOnceAfterACrash() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        ServiceProcess feedback = suite.service(RunningSuite.FEEDBACK);
        SuiteHttp http = new SuiteHttp(suite.newTenantKey("feedback crash", "pro"));
        InterviewOutcomes outcomes = InterviewOutcomes.withControlInterview(suite, http);

        try (InterviewLoad load = new InterviewLoad(new ScriptedInterview(http, suite.url(RunningSuite.SESSION)),
                INTERVIEWS, 8, Duration.ofMillis(100))) {
            load.start("feedback-crash");
            try {
                assertThat(load.awaitCompleted(INTERVIEWS / 3, Duration.ofSeconds(40))).isTrue();
                feedback.kill();
                Thread.sleep(2_000);
            } finally {
                feedback.start().awaitReady(Duration.ofSeconds(90));
            }
            assertThat(load.awaitAll(Duration.ofSeconds(60))).as("interviews done").isTrue();
            assertThat(load.failures()).as("interview steps that failed while feedback-service was down").isEmpty();
            assertThat(load.completed()).hasSize(INTERVIEWS);
            outcomes.assertEachExactlyOnceFinal(load.completed(), Duration.ofSeconds(60));
        }
    }
}
