package dev.whiteboard.feedback.it;

import dev.whiteboard.feedback.domain.EstimateOutcome;
import dev.whiteboard.feedback.domain.Lifecycle;
import dev.whiteboard.feedback.domain.ReportStatus;
import dev.whiteboard.feedback.repository.AppliedEvent;
import dev.whiteboard.feedback.repository.EstimateGrading;
import dev.whiteboard.feedback.repository.EstimateGradingRepository;
import dev.whiteboard.feedback.repository.NoteLine;
import dev.whiteboard.feedback.repository.NoteRecord;
import dev.whiteboard.feedback.repository.NoteRepository;
import dev.whiteboard.feedback.repository.ProcessedEvent;
import dev.whiteboard.feedback.repository.ProcessedEventRepository;
import dev.whiteboard.feedback.repository.ReportRecord;
import dev.whiteboard.feedback.repository.ReportRepository;
import dev.whiteboard.feedback.repository.SessionRecord;
import dev.whiteboard.feedback.repository.SessionRepository;
import dev.whiteboard.feedback.repository.WebhookEndpoint;
import dev.whiteboard.feedback.repository.WebhookEndpointRepository;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.hibernate.reactive.common.AffectedEntities;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories against the real database: values of every kind round-trip through the multi-row inserts
 * (text with quotes, backslashes, commas, braces, NULL spelled out, empty strings, non-ASCII, and nulls), and the
 * array-parameter reads find what the lists name and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class PersistenceTests {
    /** Texts the former array literals had to escape, and a few they had to leave alone. */
    private static final List<String> AWKWARD = List.of(
            "say \"hi\"", "C:\\cache\\{a,b}", "back\\\\slashes\\", "NULL", "null", "", " ", "a,b", "{x}", "{\"k\":[1,2]}",
            "'single'", "ünïcödé – 漢字 – 😀", "line\nbreak\ttab", "(1,2)", "\"", "\\", "{", "}", ",");

    @Inject
    Vertx vertx;

    @Inject
    AgroalDataSource jdbc;

    @Inject
    SessionRepository sessions;

    @Inject
    ProcessedEventRepository processed;

    @Inject
    NoteRepository notes;

    @Inject
    EstimateGradingRepository gradings;

    @Inject
    ReportRepository reports;

    @Inject
    WebhookEndpointRepository endpoints;

    @Test
    void noteTextsRoundTripAsTheyWereWritten() throws Exception {
        UUID session = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<NoteRecord> rows = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            rows.add(note(session, i + 1, "phase-" + AWKWARD.get(i), AWKWARD.get(i)));
        }
        rows.add(note(session, 100, "big", bigJson()));
        rows.add(note(other, 1, "elsewhere", "not asked for"));

        assertThat(inTransaction(() -> notes.insertAll(rows))).isEqualTo(rows.size());

        List<NoteLine> read = inTransaction(() -> notes.linesBySessions(Set.of(session)));
        assertThat(read).containsExactlyElementsOf(rows.stream().filter(n -> n.sessionId.equals(session))
                .map(n -> new NoteLine(n.sessionId, n.phase, n.text)).toList());
        assertThat(inTransaction(() -> notes.linesBySessions(Set.of(session, other)))).hasSize(rows.size());
        assertThat(inTransaction(() -> notes.linesBySessions(Set.of(UUID.randomUUID())))).isEmpty();

        // a note id stored already keeps its text
        NoteRecord again = note(session, 1, "phase", "changed");
        again.noteId = rows.get(0).noteId;
        assertThat(inTransaction(() -> notes.insertAll(List.of(again)))).isZero();
        assertThat(inTransaction(() -> notes.linesBySessions(Set.of(session))).get(0).text()).isEqualTo(AWKWARD.get(0));
    }

    @Test
    void reportsRoundTripWithEveryColumnAndKeepTheirFirstFinalization() throws Exception {
        UUID sessionId = UUID.randomUUID();
        String tenant = "tenant-" + UUID.randomUUID();
        Instant created = Instant.parse("2026-12-06T17:00:00.123456Z");
        ReportRecord pending = report(sessionId, tenant, ReportStatus.PENDING, created);
        assertThat(inTransaction(() -> reports.insertPending(List.of(pending)))).isEqualTo(1);

        ReportRecord stored = inTransaction(() -> reports.findForTenant(sessionId, tenant));
        assertThat(stored.status).isEqualTo(ReportStatus.PENDING);
        assertThat(stored.body).isNull();
        assertThat(stored.candidateRef).isNull();
        assertThat(stored.overallScore).isNull();
        assertThat(stored.coverage).isNull();
        assertThat(stored.finalizedAt).isNull();
        assertThat(stored.createdAt).isEqualTo(created);

        for (int round = 0; round < 2; round++) {
            ReportRecord computed = report(sessionId, tenant, ReportStatus.FINAL, Instant.parse("2026-12-06T18:00:00Z"));
            computed.candidateRef = "cand \"7\" \\ {x}, ü";
            computed.overallScore = 83 + round;
            computed.coverage = 0.1 + 0.2;
            computed.body = bigJson() + round;
            computed.computedVersion = 41L + round;
            computed.coverageKey = "key-" + round;
            computed.updatedAt = Instant.parse("2026-12-06T18:00:01.000001Z").plusSeconds(round);
            computed.finalizedAt = Instant.parse("2026-12-06T18:00:02.5Z").plusSeconds(round);
            computed.endedAt = Instant.parse("2026-12-06T17:59:59.999999Z");
            assertThat(inTransaction(() -> reports.upsertAll(List.of(computed)))).isEqualTo(1);

            ReportRecord read = inTransaction(() -> reports.findForTenant(sessionId, tenant));
            assertThat(read.status).isEqualTo(ReportStatus.FINAL);
            assertThat(read.candidateRef).isEqualTo(computed.candidateRef);
            assertThat(read.overallScore).isEqualTo(computed.overallScore);
            assertThat(read.coverage).isEqualTo(computed.coverage);
            assertThat(read.body).isEqualTo(computed.body);
            assertThat(read.computedVersion).isEqualTo(computed.computedVersion);
            assertThat(read.coverageKey).isEqualTo(computed.coverageKey);
            assertThat(read.createdAt).isEqualTo(created);
            assertThat(read.updatedAt).isEqualTo(computed.updatedAt);
            assertThat(read.finalizedAt).isEqualTo(Instant.parse("2026-12-06T18:00:02.5Z"));
            assertThat(read.endedAt).isEqualTo(computed.endedAt);
        }
    }

    @Test
    void aStoredBodyIsFoundOnlyUnderTheCoverageKeyItWasComputedWith() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        UUID scored = UUID.randomUUID();
        UUID rescored = UUID.randomUUID();
        UUID pendingOnly = UUID.randomUUID();
        ReportRecord first = report(scored, tenant, ReportStatus.FINAL, now);
        first.body = bigJson();
        first.coverageKey = "a".repeat(64);
        ReportRecord second = report(rescored, tenant, ReportStatus.LIVE, now);
        second.body = "{\"coverage\":null}";
        second.coverageKey = "b".repeat(64);
        inTransaction(() -> reports.upsertAll(List.of(first, second)));
        inTransaction(() -> reports.insertPending(List.of(report(pendingOnly, tenant, ReportStatus.PENDING, now))));

        Map<UUID, String> found = inTransaction(() -> reports.bodiesWithCoverageKeys(Map.of(
                scored, first.coverageKey, rescored, "c".repeat(64), pendingOnly, "a".repeat(64),
                UUID.randomUUID(), first.coverageKey)));

        assertThat(found).containsOnlyKeys(scored);
        assertThat(found.get(scored)).isEqualTo(first.body);
        assertThat(inTransaction(() -> reports.bodiesWithCoverageKeys(Map.of()))).isEmpty();
    }

    @Test
    void processedEventsWithAndWithoutSessionAreFoundByIdOrBySessionSequence() throws Exception {
        UUID session = UUID.randomUUID();
        ProcessedEvent inSession = processedEvent(session, "tenant-a", 7);
        ProcessedEvent sessionless = processedEvent(null, null, 0);
        assertThat(inTransaction(() -> processed.insertAll(List.of(inSession, sessionless)))).isEqualTo(2);

        assertThat(inTransaction(() -> processed.findApplied(List.of(inSession.eventId, sessionless.eventId), Set.of(),
                Set.of()))).containsExactlyInAnyOrder(new AppliedEvent(inSession.eventId, session, 7),
                new AppliedEvent(sessionless.eventId, null, 0));
        // by the session's sequence number, under another event id
        assertThat(inTransaction(() -> processed.findApplied(List.of(UUID.randomUUID()), Set.of(session), Set.of(7L))))
                .containsExactly(new AppliedEvent(inSession.eventId, session, 7));
        assertThat(inTransaction(() -> processed.findApplied(List.of(UUID.randomUUID()), Set.of(session), Set.of(8L))))
                .isEmpty();
        assertThat(inTransaction(() -> processed.findApplied(List.of(UUID.randomUUID()), Set.of(UUID.randomUUID()),
                Set.of(7L)))).isEmpty();
    }

    @Test
    void gradingsRoundTripAndAreListedBySession() throws Exception {
        UUID session = UUID.randomUUID();
        List<EstimateGrading> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EstimateGrading g = new EstimateGrading();
            g.noteId = "note-" + UUID.randomUUID();
            g.tenantId = "tenant-a";
            g.sessionId = session;
            g.phase = "estimation";
            g.estimate = "{\"inputs\":{\"dau\":\"10 \\\"M\\\"\"},\"candidate\":{\"qps\":[1,2]},\"i\":" + i + "}";
            g.status = EstimateOutcome.Status.UNGRADED;
            g.attempts = i;
            g.nextAttemptAt = Instant.parse("2026-12-06T17:00:00.000001Z").plusSeconds(i);
            g.createdAt = Instant.parse("2026-12-06T16:00:00Z");
            rows.add(g);
        }
        assertThat(inTransaction(() -> gradings.insertAll(rows))).isEqualTo(3);

        List<EstimateGrading> read = inTransaction(() -> gradings.listBySessions(Set.of(session, UUID.randomUUID())));
        assertThat(read).hasSize(3);
        read.sort(Comparator.comparingInt(g -> g.attempts));
        for (int i = 0; i < 3; i++) {
            EstimateGrading expected = rows.get(i);
            EstimateGrading actual = read.get(i);
            assertThat(actual.noteId).isEqualTo(expected.noteId);
            assertThat(actual.tenantId).isEqualTo(expected.tenantId);
            assertThat(actual.sessionId).isEqualTo(session);
            assertThat(actual.phase).isEqualTo(expected.phase);
            assertThat(actual.estimate).isEqualTo(expected.estimate);
            assertThat(actual.status).isEqualTo(EstimateOutcome.Status.UNGRADED);
            assertThat(actual.nextAttemptAt).isEqualTo(expected.nextAttemptAt);
            assertThat(actual.createdAt).isEqualTo(expected.createdAt);
            assertThat(actual.result).isNull();
            assertThat(actual.gradedAt).isNull();
        }
        assertThat(inTransaction(() -> gradings.listBySessions(Set.of(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void webhooksAreFoundByTenant() throws Exception {
        String a = "tenant-" + UUID.randomUUID();
        String b = "tenant-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-12-06T17:00:00Z");
        inTransaction(() -> endpoints.upsert(a, "https://a.example/hook", "secret-a", now));
        inTransaction(() -> endpoints.upsert(b, "https://b.example/hook", "secret-b", now));

        List<WebhookEndpoint> found = inTransaction(() -> endpoints.findByTenants(Set.of(a, b, "tenant-unknown")));
        assertThat(found).extracting(e -> e.tenantId + " " + e.url)
                .containsExactlyInAnyOrder(a + " https://a.example/hook", b + " https://b.example/hook");
        assertThat(inTransaction(() -> endpoints.findByTenants(Set.of("tenant-unknown")))).isEmpty();
    }

    /**
     * lockByIds returns the sessions asked for, managed and in id order, each locked FOR NO KEY UPDATE until the
     * transaction ends: another transaction can neither update nor share-lock them (but can key-share-lock them,
     * which FOR UPDATE would refuse), and sessions not asked for are not locked.
     */
    @Test
    void lockByIdsLocksTheSessionsForNoKeyUpdateAndReturnsThemManagedInIdOrder() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(UUID.randomUUID());
        }
        inTransaction(() -> Panache.getSession().chain(s -> s.persistAll(ids.stream().map(PersistenceTests::session)
                .toArray())));
        List<UUID> asked = List.of(ids.get(3), ids.get(0), ids.get(4), ids.get(1));
        UUID notAsked = ids.get(2);

        CompletableFuture<List<String>> locked = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Context context = safeContext();
        context.runOnContext(ignored -> Panache.withTransaction(() -> Panache.getSession().chain(s -> sessions
                        .lockByIds(Set.copyOf(asked))
                        .invoke(list -> locked.complete(list.stream()
                                .map(r -> r.sessionId + (s.contains(r) ? " managed" : " detached")).toList()))
                        .chain(() -> Uni.createFrom().completionStage(release)
                                .emitOn(task -> context.runOnContext(v -> task.run())))))
                .subscribe().with(v -> done.complete(null), done::completeExceptionally));
        try {
            assertThat(locked.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(
                    // PostgreSQL orders uuids byte by byte, as their text sorts (UUID.compareTo compares signed)
                    asked.stream().sorted(Comparator.comparing(UUID::toString)).map(id -> id + " managed").toList());
            for (UUID id : asked) {
                assertThat(tryLock(id, "FOR UPDATE")).isFalse();
                assertThat(tryLock(id, "FOR NO KEY UPDATE")).isFalse();
                assertThat(tryLock(id, "FOR SHARE")).isFalse();
                assertThat(tryLock(id, "FOR KEY SHARE")).isTrue();
            }
            assertThat(tryLock(notAsked, "FOR UPDATE")).isTrue();
        } finally {
            release.complete(null);
        }
        done.get(30, TimeUnit.SECONDS);
        assertThat(tryLock(ids.get(0), "FOR UPDATE")).isTrue();
    }

    /**
     * The reads and inserts flush a session's pending change when, and only when, they read sessions (as the HQL
     * queries did): a changed session is written before lockByIds, and at commit otherwise; and the session's
     * flush mode is AUTO again after a multi-row insert.
     */
    @Test
    void onlyAReadOfSessionsFlushesAChangedSessionBeforeTheCommit() throws Exception {
        Map<String, Function<UUID, Uni<?>>> statements = new LinkedHashMap<>();
        statements.put("processed.insertAll", id -> processed.insertAll(List.of(processedEvent(id, "tenant-a", 1))));
        statements.put("notes.insertAll", id -> notes.insertAll(List.of(note(id, 1, "phase", "text"))));
        statements.put("reports.insertPending", id -> reports.insertPending(
                List.of(report(id, "tenant-a", ReportStatus.PENDING, Instant.now()))));
        statements.put("processed.findApplied", id -> processed.findApplied(Set.of(id), Set.of(id), Set.of(1L)));
        statements.put("notes.linesBySessions", id -> notes.linesBySessions(Set.of(id)));
        statements.put("gradings.listBySessions", id -> gradings.listBySessions(Set.of(id)));
        statements.put("endpoints.findByTenants", id -> endpoints.findByTenants(Set.of("tenant-a")));
        statements.put("sessions.lockByIds", id -> sessions.lockByIds(Set.of(id)));

        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Function<UUID, Uni<?>>> statement : statements.entrySet()) {
            UUID id = UUID.randomUUID();
            inTransaction(() -> Panache.getSession().chain(s -> s.persist(session(id))));
            String stored = inTransaction(() -> Panache.getSession().chain(s -> sessions.lockByIds(Set.of(id))
                    .chain(locked -> {
                        locked.get(0).question = "changed";
                        return statement.getValue().apply(id);
                    })
                    .chain(() -> storedQuestion(s, id))
                    .map(question -> question + " " + s.getFlushMode())));
            seen.put(statement.getKey(), stored);
            String committed = inTransaction(() -> Panache.getSession().chain(s -> storedQuestion(s, id)));
            assertThat(committed).as(statement.getKey()).isEqualTo("changed");
        }

        assertThat(seen).containsExactly(
                Map.entry("processed.insertAll", "null AUTO"),
                Map.entry("notes.insertAll", "null AUTO"),
                Map.entry("reports.insertPending", "null AUTO"),
                Map.entry("processed.findApplied", "null AUTO"),
                Map.entry("notes.linesBySessions", "null AUTO"),
                Map.entry("gradings.listBySessions", "null AUTO"),
                Map.entry("endpoints.findByTenants", "null AUTO"),
                Map.entry("sessions.lockByIds", "changed AUTO"));
    }

    /**
     * The question as the database holds it in this transaction. A native query that declares no table flushes
     * everything before it; this one declares notes, which nothing here changes through the session.
     */
    private static Uni<String> storedQuestion(Mutiny.Session s, UUID id) {
        return s.<String>createNativeQuery("SELECT question FROM sessions WHERE session_id = ?1",
                        new AffectedEntities(NoteRecord.class))
                .setParameter(1, id).getSingleResult();
    }

    /** Whether another transaction gets the row lock at once. */
    private boolean tryLock(UUID sessionId, String lock) throws SQLException {
        try (Connection c = jdbc.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT 1 FROM sessions WHERE session_id = ? " + lock + " NOWAIT")) {
                st.setObject(1, sessionId);
                st.executeQuery().close();
                return true;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                c.rollback();
            }
        }
    }

    private Context safeContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** Runs the work in a transaction of its own, on a Vert.x context as the service's own work runs. */
    private <T> T inTransaction(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        safeContext().runOnContext(ignored -> Panache.withTransaction(work).subscribe()
                .with(result::complete, result::completeExceptionally));
        return result.get(30, TimeUnit.SECONDS);
    }

    /** About 20 KB of JSON full of quotes, backslashes, braces and commas, as a report body is. */
    private static String bigJson() {
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; json.length() < 20_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"key\":\"item-").append(i)
                    .append("\",\"sentence\":\"She said \\\"use a C:\\\\cache\\\\{shard}\\\", then – ü 😀\",")
                    .append("\"covered\":").append(i % 2 == 0).append('}');
        }
        return json.append("]}").toString();
    }

    private static NoteRecord note(UUID sessionId, long sequence, String phase, String text) {
        NoteRecord n = new NoteRecord();
        n.noteId = "note-" + UUID.randomUUID();
        n.tenantId = "tenant-a";
        n.sessionId = sessionId;
        n.phase = phase;
        n.text = text;
        n.sequence = sequence;
        n.writtenAt = Instant.parse("2026-12-06T17:00:00.654321Z").plusSeconds(sequence);
        n.hasEstimate = sequence % 2 == 0;
        return n;
    }

    private static ReportRecord report(UUID sessionId, String tenant, ReportStatus status, Instant now) {
        ReportRecord r = new ReportRecord();
        r.sessionId = sessionId;
        r.tenantId = tenant;
        r.status = status;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    private static ProcessedEvent processedEvent(UUID sessionId, String tenant, long sequence) {
        ProcessedEvent p = new ProcessedEvent();
        p.eventId = UUID.randomUUID();
        p.tenantId = tenant;
        p.sessionId = sessionId;
        p.sequence = sequence;
        p.type = "session.note_added";
        p.occurredAt = Instant.parse("2026-12-06T17:00:00.000001Z");
        p.processedAt = Instant.parse("2026-12-06T17:00:01.999999Z");
        return p;
    }

    private static SessionRecord session(UUID id) {
        SessionRecord s = new SessionRecord();
        s.sessionId = id;
        s.tenantId = "tenant-a";
        s.lifecycle = Lifecycle.UNKNOWN;
        s.timings = "[]";
        s.firstSeenAt = Instant.parse("2026-12-06T17:00:00Z");
        s.updatedAt = s.firstSeenAt;
        return s;
    }
}
