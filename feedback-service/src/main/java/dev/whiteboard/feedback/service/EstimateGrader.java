package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whiteboard.feedback.client.EstimateRejectedException;
import dev.whiteboard.feedback.client.EstimationClient;
import dev.whiteboard.feedback.config.FeedbackConfig;
import dev.whiteboard.feedback.domain.EstimateOutcome;
import dev.whiteboard.feedback.domain.RetrySchedule;
import dev.whiteboard.feedback.repository.EstimateGrading;
import dev.whiteboard.feedback.repository.EstimateGradingRepository;
import dev.whiteboard.feedback.repository.SessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Grades the structured estimates of capacity notes through estimation-service, apart from scoring: a
 * report never waits for it. An estimate whose grading fails stays UNGRADED (the report says so) and is
 * tried again with exponential backoff and jitter; once graded, its session's report is recomputed.
 */
@ApplicationScoped
public class EstimateGrader {
    /** How long a claimed estimate is left to this instance before another may try it. */
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final int CONCURRENT_CALLS = 8;

    private final EstimateGradingRepository gradings;
    private final SessionRepository sessions;
    private final EstimationClient client;
    private final EstimateOutcomes outcomes;
    private final ReportRefresher refresher;
    private final FeedbackConfig config;
    private final FeedbackMetrics metrics;
    private final ObjectMapper json;
    private final RetrySchedule schedule;
    private SerialWorker worker;

    public EstimateGrader(EstimateGradingRepository gradings, SessionRepository sessions, EstimationClient client,
                          EstimateOutcomes outcomes, ReportRefresher refresher, FeedbackConfig config,
                          FeedbackMetrics metrics, ObjectMapper json) {
        this.gradings = gradings;
        this.sessions = sessions;
        this.client = client;
        this.outcomes = outcomes;
        this.refresher = refresher;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        this.schedule = new RetrySchedule(config.grading().retryBaseDelay(), config.grading().retryMaxDelay(),
                Integer.MAX_VALUE);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        worker = new SerialWorker("estimate grading", vertx, this::gradeDue);
    }

    /** Grades what is due now (called after new estimates arrive). */
    public void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop();
        }
    }

    @Scheduled(every = "${wb.feedback.grading.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @NonBlocking
    void poll() {
        wake();
    }

    /** The result of one grading call. */
    private record Attempt(String noteId, String answer, String rejection, String failure) {
    }

    Uni<Void> gradeDue() {
        ContextExecutor context = ContextExecutor.of(Vertx.currentContext());
        Instant now = Instant.now();
        return Panache.withTransaction(() -> gradings.claimDue(now, config.grading().batchSize())
                        .invoke(claimed -> claimed.forEach(g -> g.nextAttemptAt = now.plus(CLAIM))))
                .chain(claimed -> {
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, String> estimates = new LinkedHashMap<>();
                    claimed.forEach(g -> estimates.put(g.noteId, g.estimate));
                    return Multi.createFrom().iterable(estimates.entrySet())
                            .onItem().transformToUni(e -> attempt(e.getKey(), e.getValue()))
                            .merge(CONCURRENT_CALLS)
                            .collect().asList()
                            .emitOn(context)
                            .chain(this::record)
                            .chain(refresher::refresh)
                            .invoke(() -> {
                                if (claimed.size() == config.grading().batchSize()) {
                                    wake();
                                }
                            });
                });
    }

    private Uni<Attempt> attempt(String noteId, String estimate) {
        String body;
        try {
            body = requestBody(estimate);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(new Attempt(noteId, null, e.getMessage(), null));
        }
        return client.grade(body)
                .map(answer -> {
                    outcomes.validate(answer);
                    return new Attempt(noteId, answer, null, null);
                })
                .onFailure().recoverWithItem(failure -> failure instanceof EstimateRejectedException
                        ? new Attempt(noteId, null, failure.getMessage(), null)
                        : new Attempt(noteId, null, null, describe(failure)));
    }

    /** estimation-service's grade body: the inputs' fields, plus the candidate's figures as {@code candidate}. */
    String requestBody(String estimate) {
        try {
            JsonNode root = json.readTree(estimate);
            if (!root.path("inputs").isObject() || !root.path("candidate").isObject()) {
                throw new IllegalArgumentException("the estimate has no inputs or candidate object");
            }
            ObjectNode body = ((ObjectNode) root.get("inputs")).deepCopy();
            body.set("candidate", root.get("candidate"));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the estimate is not valid JSON");
        }
    }

    /**
     * Stores the outcomes. The reports of graded or refused estimates are recomputed, and after a first failure,
     * so that they say why the estimate is not graded yet.
     */
    private Uni<Set<UUID>> record(List<Attempt> attempts) {
        Map<String, Attempt> byNote = attempts.stream().collect(Collectors.toMap(Attempt::noteId, a -> a));
        Instant now = Instant.now();
        return Panache.withTransaction(() -> gradings.list("noteId in ?1", byNote.keySet()).chain(rows -> {
            Set<UUID> changed = new HashSet<>();
            for (EstimateGrading g : rows) {
                Attempt a = byNote.get(g.noteId);
                g.attempts++;
                if (a.answer() != null) {
                    g.status = EstimateOutcome.Status.GRADED;
                    g.result = a.answer();
                    g.lastError = null;
                    g.gradedAt = now;
                    changed.add(g.sessionId);
                    metrics.grading("graded");
                } else if (a.rejection() != null) {
                    g.status = EstimateOutcome.Status.REJECTED;
                    g.lastError = a.rejection();
                    changed.add(g.sessionId);
                    metrics.grading("rejected");
                } else {
                    if (g.attempts == 1) {
                        // the report says once why the estimate is not graded yet
                        changed.add(g.sessionId);
                    }
                    g.lastError = a.failure();
                    g.nextAttemptAt = now.plus(schedule.delayAfter(g.attempts, ThreadLocalRandom.current()::nextDouble));
                    metrics.grading("failed");
                    Log.infof("estimate of note %s not graded (attempt %d): %s", g.noteId, g.attempts, a.failure());
                }
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(Set.<UUID>of());
            }
            return sessions.lockByIds(changed).invoke(locked -> locked.forEach(s -> {
                s.stateVersion++;
                s.reportStale = true;
                s.updatedAt = now;
            })).replaceWith(changed);
        }));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
