package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.client.WebhookHttpSender;
import dev.whiteboard.feedback.config.FeedbackConfig;
import dev.whiteboard.feedback.domain.RetrySchedule;
import dev.whiteboard.feedback.domain.WebhookSignature;
import dev.whiteboard.feedback.repository.WebhookAttempt;
import dev.whiteboard.feedback.repository.WebhookDelivery;
import dev.whiteboard.feedback.repository.WebhookDeliveryRepository;
import dev.whiteboard.feedback.repository.WebhookEndpoint;
import dev.whiteboard.feedback.repository.WebhookEndpointRepository;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends queued webhook deliveries: each attempt signed afresh (HMAC-SHA256 over {@code <timestamp>.<body>}
 * with the tenant's current secret), stored with its outcome, and a failed delivery retried with
 * exponential backoff and full jitter until the attempts run out. Deliveries are claimed with
 * {@code SKIP LOCKED}, so replicas never send the same attempt twice.
 */
@ApplicationScoped
public class WebhookDispatcher {
    public static final String DELIVERY_HEADER = "Whiteboard-Delivery";
    public static final String EVENT_HEADER = "Whiteboard-Event";
    private static final int CONCURRENT_SENDS = 8;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookHttpSender sender;
    private final FeedbackConfig config;
    private final FeedbackMetrics metrics;
    private final RetrySchedule schedule;
    private Vertx vertx;
    private SerialWorker worker;

    public WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                             WebhookHttpSender sender, FeedbackConfig config, FeedbackMetrics metrics) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        this.schedule = new RetrySchedule(config.webhooks().baseDelay(), config.webhooks().maxDelay(),
                config.webhooks().maxAttempts());
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        this.vertx = vertx;
        this.worker = new SerialWorker("webhook delivery", vertx, this::deliverDue);
    }

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

    @Scheduled(every = "${wb.feedback.webhooks.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @NonBlocking
    void poll() {
        wake();
    }

    /** A claimed delivery with what is needed to send it. */
    private record Send(UUID deliveryId, String url, String secret, String event, String body) {
    }

    private record Result(UUID deliveryId, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Uni<Void> deliverDue() {
        ContextExecutor context = ContextExecutor.of(Vertx.currentContext());
        Instant now = Instant.now();
        Duration claim = config.webhooks().timeout().multipliedBy(2).plusSeconds(5);
        return Panache.withTransaction(() -> deliveries.claimDue(now, config.webhooks().batchSize())
                        .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(List.<Send>of())
                                : endpoints.findByTenants(claimed.stream().map(d -> d.tenantId).collect(Collectors.toSet()))
                                .map(found -> sends(claimed, found, now.plus(claim)))))
                .chain(sends -> {
                    if (sends.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Multi.createFrom().iterable(sends)
                            .onItem().transformToUni(this::attempt)
                            .merge(CONCURRENT_SENDS)
                            .collect().asList()
                            .emitOn(context)
                            .chain(this::record)
                            .invoke(this::wakeForNextRetry)
                            .replaceWithVoid();
                });
    }

    private List<Send> sends(List<WebhookDelivery> claimed, List<WebhookEndpoint> found, Instant claimUntil) {
        Map<String, WebhookEndpoint> byTenant = found.stream()
                .collect(Collectors.toMap(e -> e.tenantId, Function.identity()));
        List<Send> sends = new ArrayList<>();
        for (WebhookDelivery d : claimed) {
            WebhookEndpoint endpoint = byTenant.get(d.tenantId);
            if (endpoint == null) {
                d.status = WebhookDelivery.Status.FAILED;
                d.lastError = "the tenant removed its webhook endpoint";
                d.nextAttemptAt = null;
                continue;
            }
            d.nextAttemptAt = claimUntil;
            sends.add(new Send(d.deliveryId, endpoint.url, endpoint.secret, d.event, d.body));
        }
        return sends;
    }

    private Uni<Result> attempt(Send send) {
        Instant started = Instant.now();
        long unixSeconds = started.getEpochSecond();
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                WebhookSignature.HEADER, WebhookSignature.header(send.secret(), unixSeconds, send.body()),
                DELIVERY_HEADER, send.deliveryId().toString(),
                EVENT_HEADER, send.event(),
                "User-Agent", "Whiteboard-Webhooks/1");
        return sender.post(send.url(), headers, send.body(), config.webhooks().timeout())
                .map(status -> new Result(send.deliveryId(), started, status, status >= 200 && status < 300 ? null
                        : "the receiver answered " + status, elapsedMillis(started)))
                .onFailure().recoverWithItem(failure -> new Result(send.deliveryId(), started, null,
                        failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()),
                        elapsedMillis(started)));
    }

    private Uni<Instant> record(List<Result> results) {
        Map<UUID, Result> byId = results.stream().collect(Collectors.toMap(Result::deliveryId, Function.identity()));
        Instant now = Instant.now();
        return Panache.withTransaction(() -> deliveries.list("deliveryId in ?1", byId.keySet()).chain(rows -> {
            List<Object> attempts = new ArrayList<>();
            Instant earliestRetry = null;
            for (WebhookDelivery d : rows) {
                Result r = byId.get(d.deliveryId);
                d.attempts++;
                d.lastStatusCode = r.statusCode();
                d.lastError = r.error();
                attempts.add(attemptRow(d, r));
                metrics.webhookAttempt(r.delivered());
                if (r.delivered()) {
                    d.status = WebhookDelivery.Status.DELIVERED;
                    d.deliveredAt = now;
                    d.nextAttemptAt = null;
                } else if (schedule.exhausted(d.attempts)) {
                    d.status = WebhookDelivery.Status.FAILED;
                    d.nextAttemptAt = null;
                    metrics.webhookAbandoned();
                    Log.warnf("webhook delivery %s to tenant %s abandoned after %d attempts: %s", d.deliveryId,
                            d.tenantId, d.attempts, r.error());
                } else {
                    d.status = WebhookDelivery.Status.RETRYING;
                    d.nextAttemptAt = now.plus(schedule.delayAfter(d.attempts, ThreadLocalRandom.current()::nextDouble));
                    earliestRetry = earliestRetry == null || d.nextAttemptAt.isBefore(earliestRetry)
                            ? d.nextAttemptAt : earliestRetry;
                }
            }
            Instant retryAt = earliestRetry;
            return Panache.getSession().chain(session -> session.persistAll(attempts.toArray())).replaceWith(retryAt);
        }));
    }

    /** A retry due before the next poll gets a timer of its own, so short backoffs are honoured. */
    private void wakeForNextRetry(Instant retryAt) {
        if (retryAt == null) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), retryAt).toMillis());
        vertx.setTimer(delay, id -> wake());
    }

    private static WebhookAttempt attemptRow(WebhookDelivery d, Result r) {
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = d.deliveryId;
        a.attempt = d.attempts;
        a.tenantId = d.tenantId;
        a.attemptedAt = r.attemptedAt();
        a.statusCode = r.statusCode();
        a.error = r.error();
        a.durationMs = r.durationMs();
        return a;
    }

    private static long elapsedMillis(Instant started) {
        return Duration.between(started, Instant.now()).toMillis();
    }
}
