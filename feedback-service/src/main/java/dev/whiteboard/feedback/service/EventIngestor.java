package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.client.TemplateCatalog;
import dev.whiteboard.feedback.config.FeedbackConfig;
import dev.whiteboard.feedback.domain.EventType;
import dev.whiteboard.feedback.domain.SessionEvent;
import dev.whiteboard.feedback.messaging.DeadLetterPublisher;
import dev.whiteboard.feedback.messaging.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes a polled batch of events to durable effect before its offsets are committed. In one transaction the
 * events take effect and the reports of sessions that ended are recomputed, so a report turns FINAL as its
 * session.completed is consumed; reports of running sessions are caught up by the sweeper within a second,
 * once per burst of notes. The transaction is retried with backoff for as long as the database is
 * unreachable (no event is ever skipped); a batch that keeps failing for another reason is applied event
 * by event, and an event that still fails is dead-lettered with the reason.
 */
@ApplicationScoped
public class EventIngestor {
    private final EventLedger ledger;
    private final ReportRefresher refresher;
    private final TemplateCatalog catalog;
    private final DeadLetterPublisher deadLetters;
    private final FeedbackMetrics metrics;
    private final FeedbackConfig config;

    public EventIngestor(EventLedger ledger, ReportRefresher refresher, TemplateCatalog catalog,
                         DeadLetterPublisher deadLetters, FeedbackMetrics metrics, FeedbackConfig config) {
        this.ledger = ledger;
        this.refresher = refresher;
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    /** What a committed batch did. */
    private record Applied(Map<EventType, Integer> appliedByType, int duplicates, List<SessionEvent> foreignTenant,
                           List<SessionEvent.TemplatePublished> publishedTemplates, ReportRefresher.Outcome reports) {
        static final Applied NOTHING = new Applied(Map.of(), 0, List.of(), List.of(), ReportRefresher.Outcome.NOTHING);
    }

    /** Must be called on a Vert.x context; completes once every event has taken effect or was dead-lettered. */
    public Uni<Void> ingest(List<ReceivedEvent> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ContextExecutor context = ContextExecutor.of(Vertx.currentContext());
        List<SessionEvent> events = received.stream().map(ReceivedEvent::event).toList();
        return applyPersistently(events, context)
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("a batch of %d events keeps failing (%s); applying its events one by one",
                            events.size(), failure.toString());
                    return oneByOne(received, context);
                })
                .chain(applied -> afterCommit(applied, received));
    }

    private Uni<Applied> applyOnce(List<SessionEvent> events) {
        return Panache.withTransaction(() -> ledger.apply(events).chain(result -> refresher
                .recomputeWithin(result.touched().stream().filter(s -> s.lifecycle.ended()).toList(),
                        result.pendingReports())
                .map(reports -> new Applied(result.appliedByType(), result.duplicates(), result.foreignTenant(),
                        result.publishedTemplates(), reports))));
    }

    /**
     * Retries while the failure passes (an unreachable database), without bound; other failures get a few
     * tries.
     */
    private Uni<Applied> applyPersistently(List<SessionEvent> events, ContextExecutor context) {
        AtomicInteger lasting = new AtomicInteger();
        int allowed = Math.max(1, config.consumer().attemptsBeforeIsolating());
        return Uni.createFrom().deferred(() -> applyOnce(events))
                .runSubscriptionOn(context)
                .onFailure().invoke(failure -> Log.debugf("applying %d events failed: %s", events.size(), failure))
                .onFailure(failure -> TransientFailures.isTransient(failure) || lasting.incrementAndGet() < allowed)
                .retry().withBackOff(config.consumer().retryInitialDelay(), config.consumer().retryMaxDelay())
                .withJitter(0.5).indefinitely();
    }

    private Uni<Applied> oneByOne(List<ReceivedEvent> received, ContextExecutor context) {
        return Multi.createFrom().iterable(received)
                .onItem().transformToUniAndConcatenate(r -> applyPersistently(List.of(r.event()), context)
                        .onFailure().recoverWithUni(failure -> deadLetters.send(r.rawValue(), r.origin(),
                                "the event could not be applied: " + failure, "unapplicable")
                                .emitOn(context)
                                .replaceWith(Applied.NOTHING)))
                .collect().asList()
                .map(EventIngestor::merge);
    }

    private Uni<Void> afterCommit(Applied applied, List<ReceivedEvent> received) {
        metrics.applied(applied.appliedByType());
        metrics.duplicates(applied.duplicates());
        refresher.afterCommit(applied.reports());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SessionEvent event : applied.foreignTenant()) {
            ReceivedEvent source = received.stream().filter(r -> r.event() == event).findFirst().orElseThrow();
            chain = chain.chain(() -> deadLetters.send(source.rawValue(), source.origin(),
                    "session " + event.sessionId() + " belongs to another tenant than " + event.tenantId(),
                    "foreign-tenant"));
        }
        for (SessionEvent.TemplatePublished published : applied.publishedTemplates()) {
            chain = chain.chain(() -> catalog.invalidate(published.templateId(), published.version()));
        }
        return chain;
    }

    private static Applied merge(List<Applied> results) {
        Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
        List<SessionEvent> foreign = new ArrayList<>();
        List<SessionEvent.TemplatePublished> published = new ArrayList<>();
        List<ReportRefresher.Finalized> finalized = new ArrayList<>();
        int duplicates = 0;
        int deliveries = 0;
        for (Applied r : results) {
            r.appliedByType().forEach((type, count) -> byType.merge(type, count, Integer::sum));
            foreign.addAll(r.foreignTenant());
            published.addAll(r.publishedTemplates());
            finalized.addAll(r.reports().finalized());
            duplicates += r.duplicates();
            deliveries += r.reports().deliveries();
        }
        return new Applied(byType, duplicates, foreign, published, new ReportRefresher.Outcome(finalized, deliveries));
    }
}
