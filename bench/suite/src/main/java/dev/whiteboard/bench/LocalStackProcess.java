package dev.whiteboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL, Kafka and Redis started the way {@code ./whiteboard up} starts them (the
 * local-stack jar's LocalStack main), on free ports and in a data folder of the benchmark's own, so the
 * benchmark never touches a suite that is already running.
 */
final class LocalStackProcess implements AutoCloseable {
    private final Process process;
    private final Map<String, String> environment;

    private LocalStackProcess(Process process, Map<String, String> environment) {
        this.process = process;
        this.environment = environment;
    }

    static LocalStackProcess start(Path root, Path dataDir, Path log) {
        Path jar = root.resolve("local-stack/target/local-stack-1.0.0-SNAPSHOT.jar");
        Path brokerClasspath = root.resolve("local-stack/target/classes/dev/whiteboard/stack/broker.classpath");
        Path envFile = dataDir.resolve("stack.env");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(envFile);
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp",
                    jar + ":" + Files.readString(brokerClasspath).trim(), "dev.whiteboard.stack.LocalStack",
                    dataDir.toString(), envFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("WB_EMBEDDED_POSTGRES_PORT", String.valueOf(FreePorts.next()));
            builder.environment().put("WB_EMBEDDED_KAFKA_PORT", String.valueOf(FreePorts.next()));
            builder.environment().put("WB_EMBEDDED_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
            builder.environment().put("WB_EMBEDDED_REDIS_PORT", String.valueOf(FreePorts.next()));
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!Files.exists(envFile)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the embedded stack did not start; see " + log);
                }
                Thread.sleep(200);
            }
            return new LocalStackProcess(process, parse(Files.readAllLines(envFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The WB_* variables that point the services at this stack. */
    Map<String, String> environment() {
        return environment;
    }

    private static Map<String, String> parse(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            String assignment = line.replaceFirst("^export ", "");
            int equals = assignment.indexOf('=');
            if (equals > 0) {
                env.put(assignment.substring(0, equals), assignment.substring(equals + 1).replaceAll("^'|'$", ""));
            }
        }
        return env;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
