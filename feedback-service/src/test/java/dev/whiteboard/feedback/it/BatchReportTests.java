package dev.whiteboard.feedback.it;

import dev.whiteboard.feedback.domain.PhaseTiming;
import dev.whiteboard.feedback.messaging.DeadLetterPublisher;
import dev.whiteboard.feedback.messaging.ReceivedEvent;
import dev.whiteboard.feedback.messaging.SessionEventParser;
import dev.whiteboard.feedback.service.EventIngestor;
import dev.whiteboard.feedback.service.TimingsCodec;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.Interview;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Batches as the consumer hands them to the ingestor, checked in the database: the report of a session first
 * seen and ended in one batch is written once, created when the session was first seen, and is PENDING while
 * its template cannot be read.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class BatchReportTests {
    private static final String TEMPLATE = """
            {"id":"%s","version":1,"name":"Caching drill","phases":[
              {"key":"deep-dive","title":"Deep dive","order":1,"minMinutes":5,"maxMinutes":10,"checklist":[
                {"key":"eviction","prompt":"Which eviction policy?","hint":"Name one: LRU, LFU or FIFO.",
                 "cues":["eviction","evict","lru","lfu","fifo"]}]}]}""";

    /**
     * The same instant as PostgreSQL keeps it: the client writes a session's times truncated to the microsecond,
     * the multi-row inserts write a report's as text, which PostgreSQL rounds.
     */
    private static final TemporalUnitOffset SAME_INSTANT = within(1, ChronoUnit.MICROS);

    @Inject
    Vertx vertx;

    @Inject
    AgroalDataSource jdbc;

    @Inject
    EventIngestor ingestor;

    @Inject
    SessionEventParser parser;

    @Inject
    TimingsCodec timings;

    /** What the database holds of a session and its report. */
    private record Stored(int reports, String status, boolean hasBody, Instant reportCreatedAt, Instant firstSeenAt,
                          boolean reportStale) {
    }

    @Test
    void aSessionFirstSeenAndEndedInOneBatchGetsItsComputedReportOnceCreatedWhenTheSessionWasFirstSeen()
            throws Exception {
        Interview interview = Interview.newsFeed("tenant-" + UUID.randomUUID(), "acc-batch", 10_000);

        ingest(interview.events());

        Stored stored = stored(interview.sessionId());
        assertThat(stored.reports()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo("FINAL");
        assertThat(stored.hasBody()).isTrue();
        assertThat(stored.reportCreatedAt()).isCloseTo(stored.firstSeenAt(), SAME_INSTANT);
        assertThat(stored.reportStale()).isFalse();
    }

    @Test
    void aSessionFirstSeenAndEndedInOneBatchWhoseTemplateCannotBeReadIsPendingUntilItCanBe() throws Exception {
        String templateId = "drill-" + UUID.randomUUID();
        FakeServicesResource.session().put(templateId, 1, TEMPLATE.formatted(templateId));
        Interview interview = new Interview("tenant-" + UUID.randomUUID())
                .created("Design a cache", "acc-pending", templateId, 1).started()
                .phase("deep-dive", 1, 420, 5, 10, "Evict with LRU; shard by key.")
                .completed();

        Stored pending;
        FakeServicesResource.session().setDown(true);
        try {
            ingest(interview.events());
            pending = stored(interview.sessionId());
        } finally {
            FakeServicesResource.session().setDown(false);
        }
        assertThat(pending.reports()).isEqualTo(1);
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.hasBody()).isFalse();
        assertThat(pending.reportCreatedAt()).isCloseTo(pending.firstSeenAt(), SAME_INSTANT);
        assertThat(pending.reportStale()).isTrue();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "FINAL".equals(stored(interview.sessionId()).status()));
        Stored computed = stored(interview.sessionId());
        assertThat(computed.reports()).isEqualTo(1);
        assertThat(computed.hasBody()).isTrue();
        assertThat(computed.reportCreatedAt()).isEqualTo(pending.reportCreatedAt());
        assertThat(computed.reportStale()).isFalse();
    }

    /** Timings written in a batch are read back by the report computation as they were folded. */
    @Test
    void phaseTimingsReadBackExactlyAsWritten() {
        List<PhaseTiming> folded = List.of(
                new PhaseTiming("requirements", Instant.parse("2026-11-28T09:00:00.123456789Z"),
                        Instant.parse("2026-11-28T09:09:00.000001Z"), 540L, 1, 2),
                new PhaseTiming("deep-dive", Instant.parse("2026-11-28T09:20:00Z"), null, null, null, null),
                new PhaseTiming("capacity", null, Instant.parse("2026-11-28T09:30:00.5Z"), Long.MAX_VALUE,
                        Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertThat(timings.read(timings.write(folded))).isEqualTo(folded);
        assertThat(timings.read(timings.write(List.of()))).isEmpty();
    }

    /** Hands the events to the ingestor as one polled batch, on a Vert.x context as the consumer does. */
    private void ingest(List<String> raw) throws Exception {
        List<ReceivedEvent> batch = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            batch.add(new ReceivedEvent(parser.parse(raw.get(i)), raw.get(i),
                    new DeadLetterPublisher.Origin("whiteboard.session-events", 0, i, null)));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> ingestor.ingest(batch).subscribe()
                .with(done::complete, done::completeExceptionally));
        done.get(60, TimeUnit.SECONDS);
    }

    private Stored stored(UUID sessionId) throws SQLException {
        try (Connection c = jdbc.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT (SELECT count(*) FROM reports r WHERE r.session_id = s.session_id) AS reports,
                       r.status, r.body IS NOT NULL AS has_body, r.created_at, s.first_seen_at, s.report_stale
                FROM sessions s LEFT JOIN reports r ON r.session_id = s.session_id
                WHERE s.session_id = ?""")) {
            st.setObject(1, sessionId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("session %s is stored", sessionId).isTrue();
                return new Stored(rs.getInt("reports"), rs.getString("status"), rs.getBoolean("has_body"),
                        instant(rs, "created_at"), instant(rs, "first_seen_at"), rs.getBoolean("report_stale"));
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
