package dev.whiteboard.feedback.service;

import dev.whiteboard.feedback.domain.EstimateOutcome;
import dev.whiteboard.feedback.domain.EventType;
import dev.whiteboard.feedback.domain.Lifecycle;
import dev.whiteboard.feedback.domain.PhaseTimings;
import dev.whiteboard.feedback.domain.ReportStatus;
import dev.whiteboard.feedback.domain.SessionEvent;
import dev.whiteboard.feedback.repository.AppliedEvent;
import dev.whiteboard.feedback.repository.EstimateGrading;
import dev.whiteboard.feedback.repository.EstimateGradingRepository;
import dev.whiteboard.feedback.repository.NoteRecord;
import dev.whiteboard.feedback.repository.NoteRepository;
import dev.whiteboard.feedback.repository.ProcessedEvent;
import dev.whiteboard.feedback.repository.ProcessedEventRepository;
import dev.whiteboard.feedback.repository.ReportRecord;
import dev.whiteboard.feedback.repository.ReportRepository;
import dev.whiteboard.feedback.repository.SessionRecord;
import dev.whiteboard.feedback.repository.SessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies events to the stored state of their sessions, each event once: its id (and its session's
 * sequence number) is recorded in the same transaction as its effect, and one recorded already is skipped.
 * The sessions are locked first, so that a replica holding the same events after a rebalance waits and then
 * sees them recorded. Effects do not depend on arrival order: notes are keyed, timings merge, the lifecycle
 * only moves forward in sequence, and the report waits until the sequence has no gap.
 */
@ApplicationScoped
public class EventLedger {
    private final ProcessedEventRepository processed;
    private final SessionRepository sessions;
    private final NoteRepository notes;
    private final EstimateGradingRepository gradings;
    private final ReportRepository reports;
    private final TimingsCodec timings;

    public EventLedger(ProcessedEventRepository processed, SessionRepository sessions, NoteRepository notes,
                       EstimateGradingRepository gradings, ReportRepository reports, TimingsCodec timings) {
        this.processed = processed;
        this.sessions = sessions;
        this.notes = notes;
        this.gradings = gradings;
        this.reports = reports;
        this.timings = timings;
    }

    private record SessionSequence(UUID sessionId, long sequence) {
    }

    /** The new rows a batch needs, beside the changes to the managed sessions. */
    private record Writes(List<SessionRecord> newSessions, List<ProcessedEvent> processedRows,
                          List<NoteRecord> noteRows, List<EstimateGrading> gradingRows,
                          List<ReportRecord> pendingReports) {
        Writes() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Applies a batch; must run inside a transaction. The PENDING reports of sessions first seen and ended in
     * the batch are not written: they are {@link LedgerResult#pendingReports()}, for the caller to hand to
     * {@link ReportRefresher#recomputeWithin(List, List)} with the ended sessions, in the same transaction.
     */
    public Uni<LedgerResult> apply(List<SessionEvent> batch) {
        List<SessionEvent> events = distinctById(batch);
        Set<UUID> sessionIds = events.stream().map(SessionEvent::sessionId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Uni<List<SessionRecord>> locked = sessionIds.isEmpty() ? Uni.createFrom().item(List.of())
                : sessions.lockByIds(sessionIds);
        return locked.chain(known -> processed.findApplied(
                        events.stream().map(SessionEvent::eventId).collect(Collectors.toSet()), sessionIds,
                        events.stream().map(SessionEvent::sequence).collect(Collectors.toSet()))
                .chain(applied -> {
                    List<SessionEvent> fresh = fresh(events, applied);
                    int duplicates = events.size() - fresh.size();
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(LedgerResult.nothing(duplicates));
                    }
                    Writes writes = new Writes();
                    LedgerResult result = fold(fresh, known, duplicates, writes);
                    return write(writes).replaceWith(result);
                }));
    }

    private static List<SessionEvent> fresh(List<SessionEvent> events, List<AppliedEvent> applied) {
        Set<UUID> appliedIds = new HashSet<>();
        Set<SessionSequence> appliedSequences = new HashSet<>();
        for (AppliedEvent p : applied) {
            appliedIds.add(p.eventId());
            if (p.sessionId() != null) {
                appliedSequences.add(new SessionSequence(p.sessionId(), p.sequence()));
            }
        }
        List<SessionEvent> fresh = new ArrayList<>();
        for (SessionEvent event : events) {
            if (appliedIds.contains(event.eventId())) {
                continue;
            }
            if (event.sessionId() != null
                    && !appliedSequences.add(new SessionSequence(event.sessionId(), event.sequence()))) {
                continue;
            }
            fresh.add(event);
        }
        return fresh;
    }

    private LedgerResult fold(List<SessionEvent> fresh, List<SessionRecord> known, int duplicates, Writes writes) {
        Instant now = Instant.now();
        Map<UUID, SessionRecord> byId = new HashMap<>();
        known.forEach(s -> byId.put(s.sessionId, s));
        Map<UUID, PhaseTimings> timingsById = new HashMap<>();
        Map<UUID, SessionRecord> touched = new LinkedHashMap<>();
        Map<EventType, Integer> byType = new EnumMap<>(EventType.class);
        List<SessionEvent> foreign = new ArrayList<>();
        List<SessionEvent.TemplatePublished> published = new ArrayList<>();
        List<SessionEvent> ordered = fresh.stream()
                .sorted(Comparator.comparing(SessionEvent::sessionId, SESSION_ORDER)
                        .thenComparingLong(SessionEvent::sequence))
                .toList();
        for (SessionEvent event : ordered) {
            if (event.sessionId() == null) {
                if (event.payload() instanceof SessionEvent.TemplatePublished p) {
                    published.add(p);
                }
                writes.processedRows().add(processedRow(event, now));
                byType.merge(event.type(), 1, Integer::sum);
                continue;
            }
            SessionRecord session = byId.get(event.sessionId());
            if (session == null) {
                session = newSession(event, now);
                byId.put(session.sessionId, session);
                writes.newSessions().add(session);
                writes.pendingReports().add(pendingReport(session, now));
            } else if (!session.tenantId.equals(event.tenantId())) {
                foreign.add(event);
                continue;
            }
            SessionRecord s = session;
            PhaseTimings phaseTimings = timingsById.computeIfAbsent(s.sessionId, id -> new PhaseTimings(timings.read(s)));
            applyTo(s, event, phaseTimings, writes, now);
            writes.processedRows().add(processedRow(event, now));
            byType.merge(event.type(), 1, Integer::sum);
            touched.put(s.sessionId, s);
        }
        timingsById.forEach((id, folded) -> timings.write(byId.get(id), folded.all()));
        // the report of a session first seen and ended in this batch is computed in this transaction: its
        // PENDING row goes to that computation (which writes it, computed or not) instead of in before it
        List<ReportRecord> pendingOfEnded = writes.pendingReports().stream()
                .filter(r -> byId.get(r.sessionId).lifecycle.ended()).toList();
        writes.pendingReports().removeAll(pendingOfEnded);
        return new LedgerResult(List.copyOf(touched.values()), byType, duplicates, foreign, published,
                List.copyOf(pendingOfEnded));
    }

    /**
     * Sessions in the order of their ids' text, which is PostgreSQL's order of uuids (unsigned, byte by byte),
     * without writing the text; events without a session first.
     */
    static final Comparator<UUID> SESSION_ORDER = Comparator.nullsFirst((a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    });

    /**
     * The plain rows go in as multi-row statements; new sessions last, so that they are inserted once, with
     * whatever the rest of the transaction changes in them.
     */
    private Uni<Void> write(Writes writes) {
        return processed.insertAll(writes.processedRows())
                .chain(() -> notes.insertAll(writes.noteRows()))
                .chain(() -> gradings.insertAll(writes.gradingRows()))
                .chain(() -> reports.insertPending(writes.pendingReports()))
                .chain(() -> Panache.getSession())
                .chain(session -> session.persistAll(writes.newSessions().toArray()));
    }

    /** Applies one event to its session. */
    private static void applyTo(SessionRecord s, SessionEvent event, PhaseTimings phaseTimings, Writes writes,
                                   Instant now) {
        long previousMax = s.maxSequence;
        s.maxSequence = Math.max(s.maxSequence, event.sequence());
        s.appliedEvents++;
        s.stateVersion++;
        s.reportStale = true;
        s.updatedAt = now;
        if (Lifecycle.moves(s.lifecycle, s.lifecycleSequence, event.type(), event.sequence())) {
            s.lifecycle = Lifecycle.after(event.type());
            s.lifecycleSequence = event.sequence();
        }
        boolean latest = event.sequence() > previousMax;
        SessionEvent.Payload payload = event.payload();
        if (payload instanceof SessionEvent.SessionCreated created) {
            s.candidateRef = created.candidateRef();
            s.question = created.question();
            s.templateId = created.templateId();
            s.templateVersion = created.templateVersion();
        } else if (payload instanceof SessionEvent.PhaseChange change) {
            if (latest && change.phase() != null) {
                s.currentPhase = change.phase();
            }
        } else if (payload instanceof SessionEvent.PhaseStarted started) {
            if (latest) {
                s.currentPhase = started.phase();
            }
            phaseTimings.started(started.phase(), started.startedAt());
        } else if (payload instanceof SessionEvent.PhaseCompleted completed) {
            phaseTimings.completed(completed.timing());
        } else if (payload instanceof SessionEvent.NoteAdded note) {
            writes.noteRows().add(noteRow(s, event, note));
            if (note.estimateJson() != null) {
                writes.gradingRows().add(gradingRow(s, note, now));
            }
        } else if (payload instanceof SessionEvent.SessionEnded ended) {
            s.endSequence = s.endSequence == null ? event.sequence() : Math.max(s.endSequence, event.sequence());
            s.endedAt = event.occurredAt();
            s.endedSeenAt = now;
            ended.timings().forEach(phaseTimings::completed);
        }
    }

    private static List<SessionEvent> distinctById(List<SessionEvent> events) {
        Map<UUID, SessionEvent> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        return List.copyOf(byId.values());
    }

    private static SessionRecord newSession(SessionEvent event, Instant now) {
        SessionRecord s = new SessionRecord();
        s.sessionId = event.sessionId();
        s.tenantId = event.tenantId();
        s.lifecycle = Lifecycle.UNKNOWN;
        s.timings = "[]";
        s.firstSeenAt = now;
        s.updatedAt = now;
        return s;
    }

    private static ReportRecord pendingReport(SessionRecord s, Instant now) {
        ReportRecord r = new ReportRecord();
        r.sessionId = s.sessionId;
        r.tenantId = s.tenantId;
        r.status = ReportStatus.PENDING;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    private static ProcessedEvent processedRow(SessionEvent event, Instant now) {
        ProcessedEvent p = new ProcessedEvent();
        p.eventId = event.eventId();
        p.tenantId = event.tenantId();
        p.sessionId = event.sessionId();
        p.sequence = event.sequence();
        p.type = event.wireType();
        p.occurredAt = event.occurredAt();
        p.processedAt = now;
        return p;
    }

    private static NoteRecord noteRow(SessionRecord s, SessionEvent event, SessionEvent.NoteAdded note) {
        NoteRecord n = new NoteRecord();
        n.noteId = note.noteId();
        n.tenantId = s.tenantId;
        n.sessionId = s.sessionId;
        n.phase = note.phase();
        n.text = note.text();
        n.sequence = event.sequence();
        n.writtenAt = event.occurredAt();
        n.hasEstimate = note.estimateJson() != null;
        return n;
    }

    private static EstimateGrading gradingRow(SessionRecord s, SessionEvent.NoteAdded note, Instant now) {
        EstimateGrading g = new EstimateGrading();
        g.noteId = note.noteId();
        g.tenantId = s.tenantId;
        g.sessionId = s.sessionId;
        g.phase = note.phase();
        g.estimate = note.estimateJson();
        g.status = EstimateOutcome.Status.UNGRADED;
        g.attempts = 0;
        g.nextAttemptAt = now;
        g.createdAt = now;
        return g;
    }
}
