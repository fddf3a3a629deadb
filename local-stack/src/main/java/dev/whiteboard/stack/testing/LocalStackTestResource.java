package dev.whiteboard.stack.testing;

import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the real embedded servers a service's tests need, on free loopback ports, unless the
 * documented variables ({@code WB_POSTGRES_HOST}, {@code WB_KAFKA_BOOTSTRAP}, {@code WB_REDIS_URL})
 * point at external ones. Init arg {@code components}: a comma list of postgres, kafka, redis.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {
    private Set<String> components = Set.of("postgres", "kafka", "redis");
    private LocalStack stack;
    private Path dataDir;

    @Override
    public void init(Map<String, String> initArgs) {
        String wanted = initArgs.get("components");
        if (wanted != null) {
            components = Arrays.stream(wanted.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> env = System.getenv();
        boolean postgres = components.contains("postgres") && !env.containsKey("WB_POSTGRES_HOST");
        boolean kafka = components.contains("kafka") && !env.containsKey("WB_KAFKA_BOOTSTRAP");
        boolean redis = components.contains("redis") && !env.containsKey("WB_REDIS_URL");
        try {
            dataDir = Files.createTempDirectory("whiteboard-test-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = LocalStack.start(new LocalStack.Plan(dataDir,
                postgres ? Ports.free() : null,
                kafka ? Ports.free() : null,
                kafka ? Ports.free() : null,
                redis ? Ports.free() : null));
        Map<String, String> config = new HashMap<>();
        stack.environment().forEach((name, value) -> config.put(propertyName(name), value));
        return config;
    }

    /** WB_POSTGRES_PORT is read by the services as wb.postgres.port. */
    static String propertyName(String environmentVariable) {
        return environmentVariable.toLowerCase().replace('_', '.');
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stack,
                new TestInjector.AnnotatedAndMatchesType(InjectLocalStack.class, LocalStack.class));
    }

    @Override
    public void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
