package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.client.TemplateCatalog;
import dev.whiteboard.feedback.client.TemplateNotFoundException;
import dev.whiteboard.feedback.config.FeedbackConfig;
import dev.whiteboard.feedback.domain.FeedbackReport;
import dev.whiteboard.feedback.domain.FeedbackReportBuilder;
import dev.whiteboard.feedback.domain.Lifecycle;
import dev.whiteboard.feedback.domain.PhaseTiming;
import dev.whiteboard.feedback.domain.ReportStatus;
import dev.whiteboard.feedback.domain.SessionSnapshot;
import dev.whiteboard.feedback.domain.TemplateRef;
import dev.whiteboard.feedback.repository.EstimateGrading;
import dev.whiteboard.feedback.repository.EstimateGradingRepository;
import dev.whiteboard.feedback.repository.NoteRepository;
import dev.whiteboard.feedback.repository.ReportRecord;
import dev.whiteboard.feedback.repository.ReportRepository;
import dev.whiteboard.feedback.repository.SessionRecord;
import dev.whiteboard.feedback.repository.SessionRepository;
import dev.whiteboard.feedback.repository.WebhookDelivery;
import dev.whiteboard.feedback.repository.WebhookEndpoint;
import dev.whiteboard.feedback.repository.WebhookEndpointRepository;
import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recomputes the reports of sessions whose state moved on, inside a transaction that holds their rows
 * locked, so that two computations of one report run one after the other. Reports are written in one
 * statement without being read; one that turns FINAL is queued for the tenant's webhook in the same
 * transaction. Templates come from the Redis-cached catalog; a session whose template cannot be read now
 * stays stale, and the sweeper tries it again.
 */
@ApplicationScoped
public class ReportRefresher {
    private final TemplateCatalog catalog;
    private final SessionRepository sessions;
    private final NoteRepository notes;
    private final EstimateGradingRepository gradings;
    private final ReportRepository reports;
    private final WebhookEndpointRepository endpoints;
    private final ReportCodec codec;
    private final TimingsCodec timings;
    private final EstimateOutcomes estimateOutcomes;
    private final FeedbackReportBuilder builder;
    private final FeedbackConfig config;
    private final FeedbackMetrics metrics;
    private final WebhookDispatcher dispatcher;
    private final CoverageMemo coverageMemo;

    public ReportRefresher(TemplateCatalog catalog, SessionRepository sessions, NoteRepository notes,
                           EstimateGradingRepository gradings, ReportRepository reports,
                           WebhookEndpointRepository endpoints, ReportCodec codec, TimingsCodec timings,
                           EstimateOutcomes estimateOutcomes, FeedbackReportBuilder builder, FeedbackConfig config,
                           FeedbackMetrics metrics, WebhookDispatcher dispatcher, CoverageMemo coverageMemo) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.notes = notes;
        this.gradings = gradings;
        this.reports = reports;
        this.endpoints = endpoints;
        this.codec = codec;
        this.timings = timings;
        this.estimateOutcomes = estimateOutcomes;
        this.builder = builder;
        this.config = config;
        this.metrics = metrics;
        this.dispatcher = dispatcher;
        this.coverageMemo = coverageMemo;
    }

    /** A report that turned FINAL. */
    public record Finalized(Instant endedAt, Instant finalizedAt, Double coverage) {
    }

    /** What a recomputation did, for what follows its commit. */
    public record Outcome(List<Finalized> finalized, int deliveries) {
        public static final Outcome NOTHING = new Outcome(List.of(), 0);
    }

    /**
     * In its own transaction: recomputes the given sessions' reports that are behind, or whose session ended
     * and waited for a missing event past the grace time. Must be called on a Vert.x context.
     */
    public Uni<Void> refresh(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> sessions.lockByIds(sessionIds).chain(locked -> {
                    Instant graceCutoff = Instant.now().minus(config.reports().gapGrace());
                    return recomputeWithin(locked.stream()
                            .filter(s -> s.reportStale || graceExpired(s, graceCutoff)).toList());
                }))
                .invoke(this::afterCommit)
                .replaceWithVoid();
    }

    /** Recomputes these sessions' reports; they must be locked and managed in the current transaction. */
    public Uni<Outcome> recomputeWithin(List<SessionRecord> due) {
        return recomputeWithin(due, List.of());
    }

    /**
     * Recomputes these sessions' reports; they must be locked and managed in the current transaction.
     * {@code pending} are PENDING report rows not written yet, of sessions first seen in this transaction
     * ({@link LedgerResult#pendingReports()}): each is written, as the computed report (created when the
     * pending one was) when its session's report is computed here, as it is otherwise.
     */
    public Uni<Outcome> recomputeWithin(List<SessionRecord> due, List<ReportRecord> pending) {
        if (due.isEmpty()) {
            return reports.insertPending(pending).replaceWith(Outcome.NOTHING);
        }
        ContextExecutor context = ContextExecutor.of(Vertx.currentContext());
        Set<TemplateRef> refs = due.stream().map(ReportRefresher::templateOf).filter(r -> r != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return loadTemplates(refs, context).chain(templates -> {
            List<SessionRecord> ready = due.stream()
                    .filter(s -> s.templateId == null || templates.containsKey(templateOf(s))).toList();
            if (ready.isEmpty()) {
                return reports.insertPending(pending).replaceWith(Outcome.NOTHING);
            }
            Set<UUID> ids = ready.stream().map(s -> s.sessionId).collect(Collectors.toSet());
            return notes.linesBySessions(ids).chain(noteRows -> gradings.listBySessions(ids).chain(gradingRows -> {
                Map<UUID, List<NoteText>> notesBySession = new HashMap<>();
                noteRows.forEach(n -> notesBySession.computeIfAbsent(n.sessionId(), id -> new ArrayList<>())
                        .add(new NoteText(n.phase(), n.text())));
                Set<UUID> firstSeen = pending.stream().map(r -> r.sessionId).collect(Collectors.toSet());
                Map<UUID, String> coverageKeys = new HashMap<>();
                Map<UUID, String> storedKeys = new HashMap<>();
                for (SessionRecord s : ready) {
                    TemplateSpec template = templateSpec(s, templates);
                    if (template != null) {
                        List<NoteText> sessionNotes = notesBySession.getOrDefault(s.sessionId, List.of());
                        String key = CoverageMemo.fingerprint(template, sessionNotes);
                        coverageKeys.put(s.sessionId, key);
                        // a stored copy is read only when there can be one (not for a session first seen in
                        // this transaction) and the memo does not hold that coverage already
                        if (!firstSeen.contains(s.sessionId) && !coverageMemo.holds(template, sessionNotes)) {
                            storedKeys.put(s.sessionId, key);
                        }
                    }
                }
                return reuseStoredCoverage(ready, templates, notesBySession, storedKeys)
                        .chain(() -> write(ready, templates, notesBySession, coverageKeys, gradingRows, pending));
            }));
        });
    }

    /**
     * Each template: present, empty when it does not exist, absent when it cannot be read now. Templates held
     * in this process come at once; a read from Redis or session-service resumes on {@code context}.
     */
    private Uni<Map<TemplateRef, Optional<TemplateSpec>>> loadTemplates(Set<TemplateRef> refs,
                                                                         ContextExecutor context) {
        if (refs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<TemplateRef, Optional<TemplateSpec>> held = new HashMap<>();
        for (TemplateRef ref : refs) {
            catalog.cached(ref).ifPresent(spec -> held.put(ref, Optional.of(spec)));
        }
        if (held.size() == refs.size()) {
            return Uni.createFrom().item(held);
        }
        List<Uni<Map.Entry<TemplateRef, Optional<Optional<TemplateSpec>>>>> loads = new ArrayList<>();
        for (TemplateRef ref : refs) {
            loads.add(catalog.template(ref)
                    .map(spec -> Map.entry(ref, Optional.of(Optional.of(spec))))
                    .onFailure().recoverWithItem(failure -> {
                        if (failure instanceof TemplateNotFoundException) {
                            Log.warnf("%s; its sessions are scored without a template", failure.getMessage());
                            return Map.entry(ref, Optional.of(Optional.<TemplateSpec>empty()));
                        }
                        Log.warnf("template %s cannot be read now (%s); its reports wait", ref.cacheKeySuffix(),
                                failure.toString());
                        return Map.entry(ref, Optional.<Optional<TemplateSpec>>empty());
                    }));
        }
        return Uni.join().all(loads).andFailFast().map(entries -> {
            Map<TemplateRef, Optional<TemplateSpec>> templates = new HashMap<>();
            entries.forEach(e -> e.getValue().ifPresent(value -> templates.put(e.getKey(), value)));
            return templates;
        }).emitOn(context);
    }

    /**
     * Hands the coverage of stored reports computed from the same template version and notes to the memo, so
     * that their recomputation (an estimate graded after the interview, a grace time run out) does not score
     * the notes again however long ago they were scored.
     */
    private Uni<Void> reuseStoredCoverage(List<SessionRecord> ready, Map<TemplateRef, Optional<TemplateSpec>> templates,
                                          Map<UUID, List<NoteText>> notesBySession, Map<UUID, String> coverageKeys) {
        return reports.bodiesWithCoverageKeys(coverageKeys).invoke(bodies -> {
            for (SessionRecord s : ready) {
                String body = bodies.get(s.sessionId);
                CoverageReport stored = body == null ? null : codec.readCoverage(body);
                if (stored != null) {
                    coverageMemo.remember(templateSpec(s, templates), notesBySession.getOrDefault(s.sessionId, List.of()),
                            stored);
                }
            }
        }).replaceWithVoid();
    }

    private static TemplateSpec templateSpec(SessionRecord s, Map<TemplateRef, Optional<TemplateSpec>> templates) {
        return s.templateId == null ? null : templates.get(templateOf(s)).orElse(null);
    }

    private Uni<Outcome> write(List<SessionRecord> ready, Map<TemplateRef, Optional<TemplateSpec>> templates,
                               Map<UUID, List<NoteText>> notesBySession, Map<UUID, String> coverageKeys,
                               List<EstimateGrading> gradingRows, List<ReportRecord> pending) {
        Instant now = Instant.now();
        Instant graceCutoff = now.minus(config.reports().gapGrace());
        Map<UUID, List<EstimateGrading>> gradingsBySession = gradingRows.stream()
                .collect(Collectors.groupingBy(g -> g.sessionId));
        List<ReportRecord> rows = new ArrayList<>();
        List<Finalized> finalized = new ArrayList<>();
        Map<String, List<ReportRecord>> toDeliver = new HashMap<>();
        Map<UUID, String> deliveryEvents = new HashMap<>();
        Map<UUID, ReportRecord> pendingById = new LinkedHashMap<>();
        pending.forEach(r -> pendingById.put(r.sessionId, r));
        for (SessionRecord s : ready) {
            List<NoteText> sessionNotes = notesBySession.getOrDefault(s.sessionId, List.of());
            List<PhaseTiming> sessionTimings = timings.read(s);
            TemplateSpec template = templateSpec(s, templates);
            SessionSnapshot snapshot = new SessionSnapshot(s.sessionId, s.tenantId, s.candidateRef, s.question,
                    templateOf(s), s.lifecycle, s.endedAt, s.appliedEvents == s.maxSequence,
                    activity(s, sessionNotes, sessionTimings));
            boolean wasFinal = s.finalized;
            FeedbackReport built = builder.build(new FeedbackReportBuilder.Input(snapshot, template,
                    sessionNotes, sessionTimings,
                    gradingsBySession.getOrDefault(s.sessionId, List.of()).stream()
                            .map(estimateOutcomes::outcomeOf).toList(),
                    graceExpired(s, graceCutoff), s.finalizedAt,
                    s.lifecycle.ended() && s.endedAt != null ? s.endedAt : now, now));
            ReportRecord report = reportRow(s, built, codec.write(built), now);
            report.coverageKey = built.coverage() == null ? null : coverageKeys.get(s.sessionId);
            ReportRecord replaced = pendingById.remove(s.sessionId);
            if (replaced != null) {
                report.createdAt = replaced.createdAt;
            }
            rows.add(report);
            s.reportStale = false;
            if (built.status() == ReportStatus.FINAL) {
                s.finalized = true;
                s.finalizedAt = built.finalizedAt();
                if (!wasFinal) {
                    finalized.add(new Finalized(s.endedAt, built.finalizedAt(), report.coverage));
                }
                toDeliver.computeIfAbsent(s.tenantId, t -> new ArrayList<>()).add(report);
                deliveryEvents.put(s.sessionId, wasFinal ? "report.updated" : "report.final");
            }
        }
        return reports.upsertAll(rows)
                .chain(() -> reports.insertPending(List.copyOf(pendingById.values())))
                .chain(() -> queueDeliveries(toDeliver, deliveryEvents, now))
                .map(deliveries -> new Outcome(finalized, deliveries));
    }

    private static ReportRecord reportRow(SessionRecord s, FeedbackReport built, String body, Instant now) {
        ReportRecord r = new ReportRecord();
        r.sessionId = s.sessionId;
        r.tenantId = s.tenantId;
        r.candidateRef = s.candidateRef;
        r.status = built.status();
        r.overallScore = built.overallScore();
        r.coverage = built.coverage() == null ? null : built.coverage().overall();
        r.body = body;
        r.computedVersion = s.stateVersion;
        r.createdAt = now;
        r.updatedAt = now;
        r.finalizedAt = built.finalizedAt();
        r.endedAt = s.endedAt;
        return r;
    }

    private Uni<Integer> queueDeliveries(Map<String, List<ReportRecord>> byTenant, Map<UUID, String> events,
                                         Instant now) {
        if (byTenant.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return endpoints.findByTenants(byTenant.keySet()).chain(found -> {
            List<Object> deliveries = new ArrayList<>();
            for (WebhookEndpoint endpoint : found) {
                for (ReportRecord report : byTenant.getOrDefault(endpoint.tenantId, List.of())) {
                    deliveries.add(delivery(endpoint, report, events.get(report.sessionId), now));
                }
            }
            if (deliveries.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return Panache.getSession().chain(session -> session.persistAll(deliveries.toArray()))
                    .replaceWith(deliveries.size());
        });
    }

    private static WebhookDelivery delivery(WebhookEndpoint endpoint, ReportRecord report, String event, Instant now) {
        WebhookDelivery d = new WebhookDelivery();
        d.deliveryId = UUID.randomUUID();
        d.tenantId = endpoint.tenantId;
        d.sessionId = report.sessionId;
        d.event = event;
        d.url = endpoint.url;
        d.body = "{\"event\":\"" + event + "\",\"deliveryId\":\"" + d.deliveryId + "\",\"sessionId\":\""
                + report.sessionId + "\",\"report\":" + report.body + "}";
        d.status = WebhookDelivery.Status.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }

    /** Metrics of reports that turned FINAL, and deliveries to send: only once the transaction committed. */
    public void afterCommit(Outcome outcome) {
        outcome.finalized().forEach(f -> metrics.finalized(
                f.endedAt() == null ? null : Duration.between(f.endedAt(), f.finalizedAt()), f.coverage()));
        if (outcome.deliveries() > 0) {
            dispatcher.wake();
        }
    }

    private static boolean graceExpired(SessionRecord s, Instant graceCutoff) {
        return s.endSequence != null && !s.finalized && s.endedSeenAt != null && s.endedSeenAt.isBefore(graceCutoff);
    }

    private static boolean activity(SessionRecord s, List<NoteText> notes, List<PhaseTiming> timings) {
        return (s.lifecycle != Lifecycle.UNKNOWN && s.lifecycle != Lifecycle.CREATED) || !notes.isEmpty()
                || !timings.isEmpty();
    }

    static TemplateRef templateOf(SessionRecord s) {
        return s.templateId == null ? null : new TemplateRef(s.templateId, s.templateVersion);
    }
}
