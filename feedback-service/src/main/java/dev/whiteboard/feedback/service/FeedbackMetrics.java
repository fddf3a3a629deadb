package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.domain.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;

/** The service's own meters; gauges over the stored reports live in {@link ReportStatistics}. */
@ApplicationScoped
public class FeedbackMetrics {
    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Timer completionToFinal;
    private final DistributionSummary finalCoverage;
    private final DistributionSummary batchSize;
    private final Timer batchDuration;

    public FeedbackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("feedback.events.duplicates")
                .description("Events skipped because they had already taken effect").register(registry);
        this.completionToFinal = Timer.builder("feedback.report.completion.to.final")
                .description("From session.completed (its occurredAt) to the report turning FINAL")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        this.finalCoverage = DistributionSummary.builder("feedback.report.coverage")
                .description("Overall coverage (0..1) of reports when they turn FINAL").register(registry);
        this.batchSize = DistributionSummary.builder("feedback.consumer.batch.size")
                .description("Records per polled batch of whiteboard.session-events").register(registry);
        this.batchDuration = Timer.builder("feedback.consumer.batch.duration")
                .description("Time to take a polled batch to effect, reports of ended sessions included")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void batch(int records, Duration took) {
        batchSize.record(records);
        batchDuration.record(took);
    }

    public void applied(Map<EventType, Integer> byType) {
        byType.forEach((type, count) -> registry.counter("feedback.events.processed",
                "type", type == EventType.UNRECOGNIZED ? "unrecognized" : type.wireName()).increment(count));
    }

    public void duplicates(int count) {
        if (count > 0) {
            duplicates.increment(count);
        }
    }

    public void finalized(Duration sinceCompletion, Double coverage) {
        if (sinceCompletion != null && !sinceCompletion.isNegative()) {
            completionToFinal.record(sinceCompletion);
        }
        if (coverage != null) {
            finalCoverage.record(coverage);
        }
    }

    public void webhookAttempt(boolean delivered) {
        registry.counter("feedback.webhook.attempts", "outcome", delivered ? "delivered" : "failed").increment();
        if (!delivered) {
            registry.counter("feedback.webhook.failures").increment();
        }
    }

    public void webhookAbandoned() {
        registry.counter("feedback.webhook.deliveries.abandoned").increment();
    }

    public void grading(String outcome) {
        registry.counter("feedback.estimates.gradings", "outcome", outcome).increment();
    }
}
