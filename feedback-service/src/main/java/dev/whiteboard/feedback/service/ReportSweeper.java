package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.config.FeedbackConfig;
import dev.whiteboard.feedback.repository.SessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Instant;

/**
 * Catches reports up with their sessions: running sessions after their latest notes (the event path
 * recomputes only sessions that ended), estimates graded later, templates that could not be read, and ended
 * sessions whose missing event did not come within the grace time (their report turns FINAL with what
 * arrived).
 */
@ApplicationScoped
public class ReportSweeper {
    private final SessionRepository sessions;
    private final ReportRefresher refresher;
    private final FeedbackConfig config;
    private SerialWorker worker;

    public ReportSweeper(SessionRepository sessions, ReportRefresher refresher, FeedbackConfig config) {
        this.sessions = sessions;
        this.refresher = refresher;
        this.config = config;
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        worker = new SerialWorker("report sweep", vertx, this::sweep);
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop();
        }
    }

    @Scheduled(every = "${wb.feedback.reports.sweep-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @NonBlocking
    void poll() {
        if (worker != null) {
            worker.wake();
        }
    }

    Uni<Void> sweep() {
        Instant cutoff = Instant.now().minus(config.reports().gapGrace());
        return Panache.withSession(() -> sessions.sweepList(cutoff, config.reports().sweepBatchSize()))
                .chain(list -> refresher.refresh(list.stream().map(s -> s.sessionId).toList()));
    }
}
