package dev.whiteboard.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiteboard.e2e.suite.RunningSuite;
import dev.whiteboard.stack.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarts while clients keep writing: every write that got a 2xx is there afterwards (read
 * back through the API, and its event reached feedback-service), and session-service and
 * feedback-service answer from the database again within 10 seconds, without being restarted.
 */
class PostgresRestartTest {
    private static final int WRITERS = 6;
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private record Note(UUID session, String id) {
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesAndTheServicesRecoverByThemselves() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        EmbeddedPostgresServer postgres = suite.stack().postgres().orElseThrow(
                () -> new IllegalStateException("this test restarts the embedded PostgreSQL; unset WB_POSTGRES_HOST"));
        SuiteHttp http = new SuiteHttp(suite.newTenantKey("postgres restart", "pro"));
        String sessions = suite.url(RunningSuite.SESSION);
        ScriptedInterview interview = new ScriptedInterview(http, sessions);
        FeedbackReports reports = new FeedbackReports(http, suite.url(RunningSuite.FEEDBACK));
        UUID before = interview.create("before-restart");
        assertThat(reports.await(List.of(before), r -> true, Duration.ofSeconds(30))).containsKey(before);

        List<UUID> acknowledgedSessions = Collections.synchronizedList(new ArrayList<>());
        List<Note> acknowledgedNotes = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = Collections.synchronizedMap(new TreeMap<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.execute(() -> {
                    for (int i = 0; writing.get(); i++) {
                        write(http, sessions, "pg-" + writer + "-" + i, acknowledgedSessions, acknowledgedNotes, statuses);
                    }
                });
            }
            Thread.sleep(4_000);
            try {
                postgres.stop();
                Thread.sleep(3_000);
            } finally {
                postgres.start();
            }
            await("session-service and feedback-service reading from PostgreSQL again").atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get(sessions + "/sessions/" + before).ok() && reports.get(before).ok());
            Thread.sleep(3_000);
        } finally {
            writing.set(false);
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
            postgres.start();
        }
        System.out.println("PostgreSQL restart: write statuses " + statuses + ", " + acknowledgedSessions.size()
                + " sessions and " + acknowledgedNotes.size() + " notes acknowledged");

        assertThat(acknowledgedSessions).hasSizeGreaterThan(WRITERS);
        List<UUID> missingSessions = acknowledgedSessions.stream().filter(id -> !http.get(sessions + "/sessions/" + id).ok())
                .toList();
        assertThat(missingSessions).as("sessions created with a 2xx that cannot be read back").isEmpty();
        Set<Note> storedNotes = new HashSet<>();
        for (UUID session : new HashSet<>(acknowledgedSessions)) {
            for (JsonNode note : http.get(sessions + "/sessions/" + session + "/notes").json().path("items")) {
                storedNotes.add(new Note(session, note.path("id").asText()));
            }
        }
        assertThat(acknowledgedNotes).as("notes added with a 2xx that cannot be read back")
                .filteredOn(note -> !storedNotes.contains(note)).isEmpty();
        Map<UUID, JsonNode> reached = reports.await(acknowledgedSessions, r -> true, Duration.ofSeconds(60));
        assertThat(acknowledgedSessions).as("sessions created with a 2xx whose events never reached feedback-service")
                .filteredOn(id -> !reached.containsKey(id)).isEmpty();
    }

    /** One client's write burst: a session, its start and two notes; only what got a 2xx is acknowledged. */
    private static void write(SuiteHttp http, String sessions, String candidateRef, List<UUID> acknowledgedSessions,
                              List<Note> acknowledgedNotes, Map<Integer, AtomicLong> statuses) {
        SuiteHttp.Reply created = counted(statuses, http.post(sessions + "/sessions",
                SuiteHttp.json(Map.of("question", "Design a paste bin", "candidateRef", candidateRef))));
        if (!created.ok()) {
            pause();
            return;
        }
        UUID id = UUID.fromString(created.json().path("id").asText());
        acknowledgedSessions.add(id);
        if (!counted(statuses, http.post(sessions + "/sessions/" + id + "/start", null)).ok()) {
            return;
        }
        for (int n = 0; n < 2; n++) {
            SuiteHttp.Reply note = counted(statuses, http.post(sessions + "/sessions/" + id + "/notes", SuiteHttp.json(
                    Map.of("phase", "requirements", "text", "Note " + n + " of " + candidateRef))));
            if (note.ok()) {
                acknowledgedNotes.add(new Note(id, note.json().path("id").asText()));
            }
        }
    }

    private static SuiteHttp.Reply counted(Map<Integer, AtomicLong> statuses, SuiteHttp.Reply reply) {
        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
        return reply;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
