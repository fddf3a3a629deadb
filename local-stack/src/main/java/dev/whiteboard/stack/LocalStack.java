package dev.whiteboard.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded infrastructure of the suite: PostgreSQL, a KRaft Kafka broker and Redis, each started
 * only when no external address is configured for it. Used by {@code ./whiteboard up} and by the tests.
 */
public final class LocalStack implements AutoCloseable {
    public static final List<String> DATABASES = List.of("whiteboard_session", "whiteboard_feedback");

    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final EmbeddedRedisServer redis;

    private LocalStack(EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka, EmbeddedRedisServer redis) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
    }

    /** What to start and where; a null port means the component is not started here. */
    public record Plan(Path dataDir, Integer postgresPort, Integer kafkaPort, Integer kafkaControllerPort,
                       Integer redisPort) {
    }

    public static LocalStack start(Plan plan) {
        EmbeddedPostgresServer postgres = plan.postgresPort() == null ? null
                : new EmbeddedPostgresServer(plan.dataDir().resolve("postgres"), plan.postgresPort(), DATABASES);
        KafkaBrokerProcess kafka = plan.kafkaPort() == null ? null
                : new KafkaBrokerProcess(plan.dataDir().resolve("kafka"), plan.kafkaPort(),
                        plan.kafkaControllerPort(), Topics.all());
        EmbeddedRedisServer redis = plan.redisPort() == null ? null : new EmbeddedRedisServer(plan.redisPort());
        LocalStack stack = new LocalStack(postgres, kafka, redis);
        try {
            if (redis != null) {
                redis.start();
            }
            if (postgres != null) {
                postgres.start();
            }
            if (kafka != null) {
                kafka.start();
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public Optional<EmbeddedPostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<KafkaBrokerProcess> kafka() {
        return Optional.ofNullable(kafka);
    }

    public Optional<EmbeddedRedisServer> redis() {
        return Optional.ofNullable(redis);
    }

    /** The environment a service needs to reach what this stack started, in the documented variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (postgres != null) {
            env.put("WB_POSTGRES_HOST", "127.0.0.1");
            env.put("WB_POSTGRES_PORT", String.valueOf(postgres.port()));
            env.put("WB_POSTGRES_USER", EmbeddedPostgresServer.USER);
            env.put("WB_POSTGRES_PASSWORD", "postgres");
        }
        if (kafka != null) {
            env.put("WB_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        }
        if (redis != null) {
            env.put("WB_REDIS_URL", "redis://127.0.0.1:" + redis.port());
        }
        return env;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable part : new AutoCloseable[] {kafka, postgres, redis}) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                failures.add(new IllegalStateException(e));
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * {@code LocalStack <data-dir> <env-file>}: starts what the environment does not point elsewhere,
     * writes the addresses to the env file, and runs until it is stopped (SIGTERM or Ctrl-C).
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: LocalStack <data-dir> <env-file>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path envFile = Path.of(args[1]).toAbsolutePath();
        Map<String, String> env = System.getenv();
        Plan plan = new Plan(dataDir,
                env.containsKey("WB_POSTGRES_HOST") ? null : intEnv(env, "WB_EMBEDDED_POSTGRES_PORT", 5432),
                env.containsKey("WB_KAFKA_BOOTSTRAP") ? null : intEnv(env, "WB_EMBEDDED_KAFKA_PORT", 9092),
                intEnv(env, "WB_EMBEDDED_KAFKA_CONTROLLER_PORT", 9093),
                env.containsKey("WB_REDIS_URL") ? null : intEnv(env, "WB_EMBEDDED_REDIS_PORT", 6379));
        LocalStack stack = start(plan);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        writeEnvFile(envFile, stack.environment());
        System.out.println("local stack ready: " + stack.environment().keySet());
        stopped.await();
    }

    private static Integer intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static void writeEnvFile(Path file, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> out.append("export ").append(k).append("='").append(v).append("'\n"));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, out.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
