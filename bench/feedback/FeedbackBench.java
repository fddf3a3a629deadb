import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Load for feedback-service: whole interviews' events (decision 0004) produced to whiteboard.session-events
 * at a fixed rate of completed sessions, then the figures read back from feedback-service's database:
 * events consumed per second, and the time from each session.completed (its occurredAt, stamped when it
 * is produced) to its report turning FINAL (finalized_at), p50/p90/p99/max.
 *
 * Environment: BOOTSTRAP, JDBC_URL, RATE (sessions/s), DURATION (s), WARMUP (s). Argument: the result file.
 */
public class FeedbackBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "whiteboard.session-events";
    /** The default template's version (run.sh reads it from session-service's file). */
    private static final int TEMPLATE_VERSION = Integer.parseInt(System.getenv().getOrDefault("TEMPLATE_VERSION", "1"));
    private static final String[] REQUIREMENTS = {
            "Who uses it: %dM daily users reading feeds. Reads heavily outnumber writes. Low latency matters; "
                    + "slightly stale feeds are fine.",
            "Users post and read a timeline; about %d million of them a day. Read heavy, 100:1. p99 under 200 ms.",
            "Mobile and web clients, %dM DAU. Data changes often but a few seconds of staleness is OK."};
    private static final String[] FUNCTIONAL = {
            "Post, follow, read feed. API keys with rate limits prevent abuse. We favour availability over consistency.",
            "POST /posts, GET /feed?cursor. Rate limit per API key. Eventual consistency is fine for the feed.",
            "Actions: publish, follow, fetch timeline. Must be highly available; posts must never be lost."};
    private static final String[] DESIGN = {
            "Client -> load balancer -> stateless API servers -> feed service -> Redis cache and Cassandra.",
            "Write path: API server stores the post, a queue fans it out to followers' timelines.",
            "Stateless web tier behind an L7 load balancer; reads go to the cache first."};
    private static final String[] DATA = {
            "Tables: users, posts (post_id, author_id, body, created_at), follows (follower, followee). NoSQL.",
            "Posts are about 1 KB each; 1B posts a day. Cassandra keyed by author id.",
            "Relationships: user 1-N posts, N-M follows. A wide-column store fits the write rate."};
    private static final String[] DEEP = {
            "Cache hot feeds in Redis with LRU eviction; shard posts by user id with consistent hashing; "
                    + "replicate each shard; a message queue fans out new posts. CDN?",
            "Celebrity users are hot partitions: their posts are pulled at read time instead of fanned out. "
                    + "Retries use exponential backoff with jitter.",
            "Images go through a CDN with pull caching. Metrics: p99 latency, fan-out lag; alerts on errors."};

    /** Neutral words appended to every note, so that no two sessions' notes are alike and no cache answers them. */
    private static final String[] FILLER = {"whiteboard", "sketch", "arrow", "box", "marker", "diagram", "later",
            "first", "then", "also", "maybe", "roughly", "around", "simple", "clear", "detail", "step", "part",
            "piece", "idea", "option", "choice", "plan", "draft", "version", "review", "check", "note", "point",
            "topic", "side", "view", "angle", "shape", "line", "label", "legend", "corner", "edge", "middle"};

    public static void main(String[] args) throws Exception {
        String bootstrap = System.getenv("BOOTSTRAP");
        String jdbcUrl = System.getenv("JDBC_URL");
        int rate = Integer.parseInt(System.getenv().getOrDefault("RATE", "100"));
        int duration = Integer.parseInt(System.getenv().getOrDefault("DURATION", "30"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "180"));
        Path out = Path.of(args[0]);

        try (KafkaProducer<String, String> producer = producer(bootstrap);
             Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            String warm = null;
            if (warmup > 0) {
                warm = "bench-warmup-" + UUID.randomUUID();
                System.err.printf("[bench] warm-up: %d s at %d sessions/s%n", warmup, rate);
                Phase w = produce(producer, warm, rate, warmup, new Random(1));
                awaitFinal(db, warm, w.sessions(), Duration.ofSeconds(180));
            }
            String tenant = "bench-" + UUID.randomUUID();
            System.err.printf("[bench] measured: %d s at %d sessions/s%n", duration, rate);
            Phase phase = produce(producer, tenant, rate, duration, new Random(2));
            boolean allFinal = awaitFinal(db, tenant, phase.sessions(), Duration.ofSeconds(300));
            write(out, db, tenant, warm, rate, duration, warmup, phase, allFinal);
        }
    }

    record Phase(int sessions, long events, double seconds, double eventsPerSession) {
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** One whole interview per 1/rate seconds, each sent as a burst, its session.completed stamped as it is sent. */
    private static Phase produce(KafkaProducer<String, String> producer, String tenant, int rate, int seconds,
                                 Random random) {
        int sessions = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long events = 0;
        for (int i = 0; i < sessions; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            UUID session = UUID.randomUUID();
            for (String event : interview(tenant, session, i, random)) {
                producer.send(new ProducerRecord<>(TOPIC, session.toString(), event));
                events++;
            }
        }
        producer.flush();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Phase(sessions, events, elapsed, (double) events / sessions);
    }

    private static List<String> interview(String tenant, UUID session, int n, Random random) {
        List<String> events = new ArrayList<>();
        long[] sequence = {0};
        Instant clock = Instant.now().minusSeconds(2700);
        ArrayNode timings = JSON.createArrayNode();
        events.add(event(tenant, session, ++sequence[0], "session.created", JSON.createObjectNode()
                .put("question", "Design a news feed").put("candidateRef", "bench-" + (n % 500))
                .put("templateId", "default").put("templateVersion", TEMPLATE_VERSION)));
        events.add(event(tenant, session, ++sequence[0], "session.started",
                JSON.createObjectNode().put("phase", "requirements")));
        String[][] notes = {{pick(REQUIREMENTS, random).formatted(50 + random.nextInt(200))}, {pick(FUNCTIONAL, random)},
                {"%d M users x %d posts a day = %d M writes a day, about %d writes per second.".formatted(100, 10, 1000,
                        10_000 + random.nextInt(5000))}, {pick(DESIGN, random)}, {pick(DATA, random)},
                {pick(DEEP, random), pick(DEEP, random)}};
        String[] phases = {"requirements", "functional-nonfunctional", "capacity", "high-level-design", "data-model",
                "deep-dive"};
        int[][] budgets = {{1, 2}, {5, 5}, {3, 3}, {5, 10}, {5, 5}, {15, 20}};
        for (int p = 0; p < phases.length; p++) {
            Instant started = clock;
            events.add(event(tenant, session, ++sequence[0], "phase.started", JSON.createObjectNode()
                    .put("phase", phases[p]).put("order", p + 1).put("startedAt", started.toString())));
            for (String text : notes[p]) {
                ObjectNode note = JSON.createObjectNode().put("noteId", UUID.randomUUID().toString())
                        .put("phase", phases[p]).put("text", text + " " + filler(random));
                if (phases[p].equals("capacity")) {
                    ObjectNode estimate = note.putObject("estimate");
                    estimate.putObject("inputs").put("dailyActiveUsers", 100_000_000).put("writesPerUserPerDay", 10);
                    estimate.putObject("candidate").put("writesPerSecond", 10_000 + random.nextInt(5000));
                } else {
                    note.putNull("estimate");
                }
                events.add(event(tenant, session, ++sequence[0], "note.added", note));
            }
            long elapsed = 60L * budgets[p][0] + random.nextInt(60 * (budgets[p][1] - budgets[p][0] + 3));
            clock = started.plusSeconds(elapsed);
            ObjectNode timing = JSON.createObjectNode().put("phase", phases[p]).put("startedAt", started.toString())
                    .put("endedAt", clock.toString()).put("elapsedSeconds", elapsed)
                    .put("minMinutes", budgets[p][0]).put("maxMinutes", budgets[p][1]);
            timings.add(timing);
            events.add(event(tenant, session, ++sequence[0], "phase.completed", timing.deepCopy()));
        }
        ObjectNode completed = JSON.createObjectNode();
        completed.set("phases", timings);
        events.add(event(tenant, session, ++sequence[0], "session.completed", completed));
        return events;
    }

    private static String event(String tenant, UUID session, long sequence, String type, ObjectNode payload) {
        ObjectNode e = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("type", type)
                .put("schemaVersion", 1).put("tenantId", tenant).put("sessionId", session.toString())
                .put("sequence", sequence).put("occurredAt", Instant.now().toString());
        e.set("payload", payload);
        return e.toString();
    }

    private static String filler(Random random) {
        StringBuilder words = new StringBuilder("Aside:");
        for (int i = 0; i < 6; i++) {
            words.append(' ').append(pick(FILLER, random));
        }
        return words.append('.').toString();
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }

    private static boolean awaitFinal(Connection db, String tenant, int sessions, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long finals = 0;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT count(*) FROM reports WHERE tenant_id = ? AND status = 'FINAL'")) {
                s.setString(1, tenant);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    finals = r.getLong(1);
                }
            }
            if (finals >= sessions) {
                return true;
            }
            Thread.sleep(250);
        }
        System.err.printf("[bench] only %d of %d reports turned FINAL%n", finals, sessions);
        return false;
    }

    private static void write(Path out, Connection db, String tenant, String warmupTenant, int rate, int duration,
                              int warmup, Phase phase, boolean allFinal) throws Exception {
        List<Double> latencies = completionToFinal(db, tenant);
        long consumed;
        double consumeSeconds;
        try (PreparedStatement s = db.prepareStatement("SELECT count(*), extract(epoch FROM max(processed_at) - "
                + "min(processed_at)) FROM processed_events WHERE tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                consumed = r.getLong(1);
                consumeSeconds = r.getDouble(2);
            }
        }
        long graded;
        try (PreparedStatement s = db.prepareStatement(
                "SELECT count(*) FROM estimate_gradings WHERE tenant_id = ? AND status = 'GRADED'")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                graded = r.getLong(1);
            }
        }
        double p99 = percentile(latencies, 0.99);
        ObjectNode result = JSON.createObjectNode()
                .put("rateSessionsPerSecond", rate)
                .put("durationSeconds", duration)
                .put("warmupSeconds", warmup)
                .put("sessions", phase.sessions())
                .put("eventsPerSession", round(phase.eventsPerSession()))
                .put("eventsProduced", phase.events())
                .put("producedEventsPerSecond", round(phase.events() / phase.seconds()))
                .put("eventsConsumed", consumed)
                .put("consumedEventsPerSecond", round(consumed / Math.max(consumeSeconds, 1e-3)))
                .put("finalReports", latencies.size())
                .put("allFinal", allFinal)
                .put("gradedEstimates", graded);
        putPercentiles(result.putObject("completionToFinalMs"), latencies);
        if (warmupTenant != null) {
            // the same figures for the warm-up, while the JIT compiler still competes for the cores: shown, not judged
            putPercentiles(result.putObject("warmupCompletionToFinalMs"), completionToFinal(db, warmupTenant));
        }
        ArrayNode goals = result.putArray("goals");
        goals.addObject().put("figure", "time from session.completed to FINAL, p99, at " + rate
                        + " completed sessions/s").put("value", round(p99)).put("unit", "ms").put("goal", "< 250")
                .put("met", allFinal && p99 < 250);
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /** Each FINAL report's time from session.completed to FINAL, in ms, sorted. */
    private static List<Double> completionToFinal(Connection db, String tenant) throws Exception {
        List<Double> latencies = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT extract(epoch FROM finalized_at - ended_at) * 1000 "
                + "FROM reports WHERE tenant_id = ? AND status = 'FINAL'")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    latencies.add(r.getDouble(1));
                }
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static void putPercentiles(ObjectNode into, List<Double> sorted) {
        into.put("p50", round(percentile(sorted, 0.50)));
        into.put("p90", round(percentile(sorted, 0.90)));
        into.put("p99", round(percentile(sorted, 0.99)));
        into.put("max", round(sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1)));
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
