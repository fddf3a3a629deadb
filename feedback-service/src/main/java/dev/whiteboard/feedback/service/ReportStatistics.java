package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.domain.ReportStatus;
import dev.whiteboard.feedback.repository.ReportRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Gauges over the stored reports: how many are in each status, and the mean coverage of final ones. */
@ApplicationScoped
public class ReportStatistics {
    private final ReportRepository reports;
    private final Map<ReportStatus, AtomicLong> byStatus = new EnumMap<>(ReportStatus.class);
    private final AtomicReference<Double> averageCoverage = new AtomicReference<>(Double.NaN);

    public ReportStatistics(ReportRepository reports, MeterRegistry registry) {
        this.reports = reports;
        for (ReportStatus status : ReportStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("feedback.reports", count, AtomicLong::get)
                    .tag("status", status.name())
                    .description("Reports by status, across tenants")
                    .register(registry);
        }
        Gauge.builder("feedback.coverage.average", averageCoverage, AtomicReference::get)
                .description("Mean overall coverage (0..1) of FINAL reports")
                .register(registry);
    }

    @Scheduled(every = "${wb.feedback.statistics-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> reports.countByStatus()
                        .invoke(counts -> counts.forEach((status, count) -> byStatus.get(status).set(count)))
                        .chain(reports::averageFinalCoverage)
                        .invoke(average -> averageCoverage.set(average == null ? Double.NaN : average)))
                .onFailure().invoke(failure -> Log.debugf("report statistics not refreshed: %s", failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
