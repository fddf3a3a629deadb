package dev.whiteboard.e2e.faults;

import dev.whiteboard.e2e.suite.RunningSuite;
import dev.whiteboard.stack.KafkaBrokerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka stops for 20 seconds while 200 interviews run to completion: session-service keeps accepting
 * every write (the outbox holds the events), and once Kafka is back every interview gets exactly one
 * FINAL report with each event applied once.
 */
class KafkaOutageTest {
    private static final int INTERVIEWS = 200;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyInterviewTurnsFinalExactlyOnceAfterKafkaReturns() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        KafkaBrokerProcess kafka = suite.stack().kafka().orElseThrow(
                () -> new IllegalStateException("this test stops the embedded Kafka; unset WB_KAFKA_BOOTSTRAP"));
        SuiteHttp http = new SuiteHttp(suite.newTenantKey("kafka outage", "pro"));
        InterviewOutcomes outcomes = InterviewOutcomes.withControlInterview(suite, http);

        try (InterviewLoad load = new InterviewLoad(new ScriptedInterview(http, suite.url(RunningSuite.SESSION)),
                INTERVIEWS, 8, Duration.ofMillis(150))) {
            load.start("kafka-outage");
            try {
                assertThat(load.awaitCompleted(INTERVIEWS / 5, Duration.ofSeconds(40))).isTrue();
                kafka.stop();
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                kafka.start();
            }
            assertThat(load.awaitAll(Duration.ofSeconds(60))).as("interviews done").isTrue();
            assertThat(load.failures()).as("interview steps that failed while Kafka was down").isEmpty();
            assertThat(load.completed()).hasSize(INTERVIEWS);
            outcomes.assertEachExactlyOnceFinal(load.completed(), Duration.ofSeconds(60));
        }
    }
}
