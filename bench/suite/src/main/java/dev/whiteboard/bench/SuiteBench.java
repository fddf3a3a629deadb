package dev.whiteboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The suite benchmarks of {@code ./whiteboard bench}: start-up time (exec to /q/health/ready UP) and
 * resident memory of each service idle and under wrk load, and concurrent SSE streams held by one
 * session-service instance with its resident memory. Everything runs on 127.0.0.1 against a stack and
 * services of its own on free ports, and writes one JSON file with a goal next to each goal figure.
 *
 * <p>Usage: {@code SuiteBench <repository root> <output json>}; WB_BENCH_STREAMS (10000),
 * WB_BENCH_LOAD_SECONDS (15), WB_BENCH_HOLD_SECONDS (15), WB_BENCH_QUIET_SECONDS (30) and WB_JAVA_OPTS
 * (jvm.options by default) adjust it.
 * Like {@code ./whiteboard up}, each service gets a class-data archive: the first start writes it when the
 * service stops, and is reported apart; the start-up goal is judged on the starts that follow.
 */
public final class SuiteBench {
    private static final List<String> SERVICES = List.of("session-service", "estimation-service", "feedback-service");
    private static final String OPERATOR_SECRET = "bench-operator-secret";
    /** One first start that writes the class-data archives, then the starts the goal is judged on. */
    private static final int START_ROUNDS = 4;
    private static final double READY_GOAL_SECONDS = 3;
    /** A start waits until the machine is this idle over one second (80 %: under 0.4 of a core busy on two). */
    private static final double QUIET_IDLE_SHARE = 0.8;
    private static final double IDLE_GOAL_MIB = 300;
    private static final double STREAMS_MEMORY_GOAL_MIB = 1024;
    private static final int STREAMS_PER_SESSION = 100;

    private final Path root;
    private final Path raw;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode result = json.createObjectNode();
    private final ArrayNode goals = json.createArrayNode();
    private final int streams = intEnv("WB_BENCH_STREAMS", 10_000);
    /**
     * How long a start waits at most for that (WB_BENCH_QUIET_SECONDS, 30; 0 starts at once, as before
     * 2026-12-07); the idle share it found is reported beside each start.
     */
    private final Duration quietMaxWait = Duration.ofSeconds(intEnv("WB_BENCH_QUIET_SECONDS", 30));
    private final Duration load = Duration.ofSeconds(intEnv("WB_BENCH_LOAD_SECONDS", 15));
    private final Duration hold = Duration.ofSeconds(intEnv("WB_BENCH_HOLD_SECONDS", 15));
    private final List<String> jvmOptions;
    private final Path classArchives;

    private SuiteBench(Path root) throws IOException {
        this.root = root;
        this.raw = root.resolve("bench/results/raw/suite");
        String fromEnvironment = System.getenv("WB_JAVA_OPTS");
        this.jvmOptions = fromEnvironment != null && !fromEnvironment.isBlank()
                ? Arrays.asList(fromEnvironment.trim().split("\\s+"))
                : Files.readAllLines(root.resolve("jvm.options")).stream().map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
        this.classArchives = Files.createTempDirectory("whiteboard-bench-cds");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SuiteBench <repository root> <output json>");
            System.exit(2);
        }
        SuiteBench bench = new SuiteBench(Path.of(args[0]).toAbsolutePath().normalize());
        bench.run();
        Files.writeString(Path.of(args[1]), bench.json.writeValueAsString(bench.result));
        System.out.println("wrote " + args[1]);
    }

    private void run() throws Exception {
        Files.createDirectories(raw);
        result.put("benchmark", "suite");
        result.put("javaOptions", String.join(" ", jvmOptions));
        // the services run on this JVM, and the class-data archive (CDS or AOT cache) depends on its version
        result.put("javaVersion", System.getProperty("java.vm.name") + " " + Runtime.version());
        result.put("loadAverageBefore", loadAverage());
        say("starting the embedded stack (logs in " + root.relativize(raw) + ")");
        Path stackData = Files.createTempDirectory("whiteboard-bench");
        try (LocalStackProcess stack = LocalStackProcess.start(root, stackData, raw.resolve("stack.log"))) {
            Map<String, BenchService> services = services(stack.environment());
            try {
                startUp(services);
                SuiteApi api = new SuiteApi(services.get("session-service").url(), OPERATOR_SECRET);
                String key = api.newProKey("bench");
                underLoad(services, api, key);
                sseStreams(services.get("session-service"), api, key);
            } finally {
                services.values().forEach(BenchService::close);
            }
        } finally {
            // the servers' data and the class archives take a few hundred MB a run
            deleteTree(stackData);
            deleteTree(classArchives);
        }
        result.set("goals", goals);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private Map<String, BenchService> services(Map<String, String> stackEnvironment) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        SERVICES.forEach(s -> ports.put(s, FreePorts.next()));
        Map<String, String> env = new HashMap<>(stackEnvironment);
        env.put("WB_KEY_PEPPER", "bench-key-pepper");
        env.put("WB_INTERNAL_TOKEN", "bench-internal-token");
        env.put("WB_OPERATOR_SECRET", OPERATOR_SECRET);
        env.put("WB_SESSION_URL", "http://127.0.0.1:" + ports.get("session-service"));
        env.put("WB_ESTIMATION_URL", "http://127.0.0.1:" + ports.get("estimation-service"));
        // The load runs as one tenant: the tier limits must not be what is measured.
        env.put("WB_PRO_REQUESTS_PER_MINUTE", "1000000000");
        env.put("WB_PRO_EXPENSIVE_PER_MINUTE", "1000000000");
        Map<String, BenchService> services = new LinkedHashMap<>();
        for (String name : SERVICES) {
            Files.deleteIfExists(raw.resolve(name + ".log"));
            services.put(name, new BenchService(name, root, ports.get(name), env, jvmOptions,
                    classArchives.resolve(BenchService.classArchiveName(name)), raw.resolve(name + ".log")));
        }
        return services;
    }

    /**
     * Starts every service three times, one at a time, each on a quiet machine (the one started before has
     * finished compiling its start-up code); keeps the last start running and measures it idle.
     */
    private void startUp(Map<String, BenchService> services) {
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<MachineIdle.Quiet>> quiet = new LinkedHashMap<>();
        for (int round = 1; round <= START_ROUNDS; round++) {
            for (BenchService service : services.values()) {
                MachineIdle.Quiet before = MachineIdle.await(QUIET_IDLE_SHARE, Duration.ofSeconds(1), quietMaxWait);
                quiet.computeIfAbsent(service.name(), k -> new ArrayList<>()).add(before);
                double s = service.startAndAwaitReady(Duration.ofSeconds(180)).toNanos() / 1e9;
                seconds.computeIfAbsent(service.name(), k -> new ArrayList<>()).add(s);
                say(service.name() + " ready in " + String.format("%.2f s", s) + " (start " + round + ", machine "
                        + String.format("%.0f%%", 100 * before.idleShare()) + " idle after waiting "
                        + String.format("%.1f s", before.waitedSeconds())
                        + (before.reached() || quietMaxWait.isZero() ? "" : ", the most it waits") + ")");
            }
            if (round < START_ROUNDS) {
                services.values().forEach(BenchService::close);
            }
        }
        say("idle for 15 s before reading resident memory");
        BenchService.sleep(15_000);
        ObjectNode startup = result.putObject("startup");
        for (BenchService service : services.values()) {
            List<Double> all = seconds.get(service.name());
            List<Double> runs = all.subList(1, all.size());
            double median = runs.stream().sorted().toList().get(runs.size() / 2);
            double idle = service.residentMiB();
            ObjectNode node = startup.putObject(service.name());
            node.put("firstStartSeconds", round2(all.get(0)));
            ArrayNode measured = node.putArray("readySeconds");
            runs.forEach(r -> measured.add(round2(r)));
            node.put("readySecondsMedian", round2(median));
            ArrayNode idleBefore = node.putArray("machineIdleShareBeforeStart");
            for (MachineIdle.Quiet q : quiet.get(service.name()).subList(1, all.size())) {
                if (Double.isNaN(q.idleShare())) {
                    idleBefore.addNull();
                } else {
                    idleBefore.add(round2(q.idleShare()));
                }
            }
            node.put("idleRssMiB", round2(idle));
            goal(service.name() + " ready (median of " + runs.size() + " starts with its class-data archive)", median,
                    "s", "<", READY_GOAL_SECONDS);
            goal(service.name() + " first start (no class-data archive yet)", all.get(0), "s", "<", READY_GOAL_SECONDS);
            goal(service.name() + " resident memory idle", idle, "MiB", "<", IDLE_GOAL_MIB);
        }
    }

    /** wrk on one typical call of each service while the service's resident memory is sampled. */
    private void underLoad(Map<String, BenchService> services, SuiteApi api, String key) throws Exception {
        UUID session = api.newSession(key, "bench-load");
        api.act(key, session, "start");
        String feedbackReport = services.get("feedback-service").url() + "/feedback/" + session;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SseStreams.awaitUntil(() -> SuiteApi.status(feedbackReport, key) == 200, deadline);
        List<String[]> auth = List.<String[]>of(new String[] {"X-API-Key", key});
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("session-service", new String[] {"/sessions/" + session,
                Wrk.script(raw, "session", "GET", auth, null).toString()});
        calls.put("estimation-service", new String[] {"/estimates", Wrk.script(raw, "estimation", "POST", auth,
                "'{\"dailyActiveUsers\":' .. (1000000 + n) .. ',\"writesPerUserPerDay\":2,\"readsPerWrite\":10,"
                        + "\"writeSizeBytes\":500,\"retentionYears\":5,\"replicationFactor\":3}'").toString()});
        calls.put("feedback-service", new String[] {"/feedback/" + session,
                Wrk.script(raw, "feedback", "GET", auth, null).toString()});
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            BenchService service = services.get(call.getKey());
            say("load on " + service.name() + ": wrk -t2 -c32 -d" + load.toSeconds() + "s " + call.getValue()[0]);
            MemorySampler sampler = MemorySampler.start(service);
            Wrk.Result run = Wrk.run(service.url() + call.getValue()[0], Path.of(call.getValue()[1]), 2, 32, load);
            double peak = sampler.stop();
            ObjectNode node = (ObjectNode) result.get("startup").get(service.name());
            node.put("loadCall", (call.getKey().equals("estimation-service") ? "POST " : "GET ") + call.getValue()[0]);
            node.put("loadRequestsPerSecond", round2(run.requestsPerSecond()));
            node.put("loadP99Ms", round2(run.p99Ms()));
            node.put("loadNon2xx", run.non2xx());
            node.put("loadRssMiB", round2(peak));
            say(String.format("  %.0f req/s, p99 %.2f ms, %d non-2xx, resident %.0f MiB", run.requestsPerSecond(),
                    run.p99Ms(), run.non2xx(), peak));
        }
    }

    /** Opens the streams, holds them, then checks every held stream still receives its session's events. */
    private void sseStreams(BenchService session, SuiteApi api, String key) throws Exception {
        int sessionCount = Math.max(1, (streams + STREAMS_PER_SESSION - 1) / STREAMS_PER_SESSION);
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.add(api.newSession(key, "bench-sse-" + i));
        }
        double before = session.residentMiB();
        ObjectNode node = result.putObject("sse");
        node.put("streamsRequested", streams);
        node.put("sessions", sessionCount);
        node.put("rssBeforeMiB", round2(before));
        say("opening " + streams + " SSE streams on " + sessionCount + " sessions");
        try (SseStreams sse = new SseStreams(Integer.parseInt(session.url().replaceAll(".*:", "")), key, streams)) {
            long started = System.nanoTime();
            MemorySampler sampler = MemorySampler.start(session);
            sse.open(sessions, streams, Duration.ofSeconds(180));
            double openSeconds = (System.nanoTime() - started) / 1e9;
            int opened = sse.held();
            say(String.format("  %d open after %.1f s; holding them %d s", opened, openSeconds, hold.toSeconds()));
            BenchService.sleep(hold.toMillis());
            int held = sse.held();
            for (UUID id : sessions) {
                api.act(key, id, "start");
            }
            SseStreams.awaitUntil(() -> sse.heldThatReceived("phase.started") >= held,
                    System.nanoTime() + Duration.ofSeconds(90).toNanos());
            int delivered = sse.heldThatReceived("phase.started");
            double peak = sampler.stop();
            double rss = session.residentMiB();
            node.put("streamsOpened", opened);
            node.put("openSeconds", round2(openSeconds));
            node.put("streamsHeld", held);
            node.put("heldSeconds", hold.toSeconds());
            node.put("streamsReceivingLaterEvents", delivered);
            node.put("rssWithStreamsMiB", round2(rss));
            node.put("peakRssMiB", round2(peak));
            node.putPOJO("failures", sse.failures());
            say(String.format("  %d held, %d received the events of their session's start, resident %.0f MiB (peak %.0f)",
                    held, delivered, rss, peak));
            goal("SSE streams held by one session-service instance", held, "streams", ">=", streams);
            goal("SSE held streams that still receive events", delivered, "streams", ">=", held);
            goal("session-service resident memory with the streams held (peak)", peak, "MiB", "<", STREAMS_MEMORY_GOAL_MIB);
        }
    }

    private void goal(String figure, double value, String unit, String comparison, double target) {
        boolean met = comparison.equals("<") ? value < target : value >= target;
        ObjectNode goal = goals.addObject();
        goal.put("figure", figure);
        goal.put("value", round2(value));
        goal.put("unit", unit);
        goal.put("goal", comparison + " " + (target == Math.rint(target) ? String.valueOf((long) target) : String.valueOf(target)));
        goal.put("met", met);
    }

    /** Samples a process's resident memory every 250 ms on a thread of its own and keeps the highest. */
    private static final class MemorySampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile double peak;

        private MemorySampler(BenchService service) {
            thread = new Thread(() -> {
                while (running.get()) {
                    peak = Math.max(peak, service.residentMiB());
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
        }

        static MemorySampler start(BenchService service) {
            MemorySampler sampler = new MemorySampler(service);
            sampler.thread.start();
            return sampler;
        }

        double stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join();
            return peak;
        }
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them; "unknown" elsewhere. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void say(String line) {
        System.out.println("[bench suite] " + line);
    }
}
