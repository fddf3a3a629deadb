package dev.whiteboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service run as a process with the launcher's JVM options, timed from exec to ready. */
final class BenchService implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path classArchive;
    private final Path log;
    private Process process;

    /**
     * The services run on this JVM's java: on Java 25 and later their class archive is an AOT cache (JEP 483,
     * 514), before that a dynamic CDS archive.
     */
    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    /** The file name of a service's class archive. */
    static String classArchiveName(String service) {
        return service + (AOT_CACHE ? ".aot" : ".jsa");
    }

    BenchService(String name, Path root, int port, Map<String, String> environment, List<String> jvmOptions,
                 Path classArchive, Path log) {
        this.name = name;
        this.jar = root.resolve(name).resolve("target").resolve(name + "-runner.jar");
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classArchive = classArchive;
        this.log = log;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private static boolean hooksClassLoading(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> o.contains("StartFlightRecording") || o.startsWith("-agentlib")
                || o.startsWith("-agentpath") || o.startsWith("-javaagent"));
    }

    /** Starts the process and returns the time from exec until /q/health/ready first answered 200. */
    Duration startAndAwaitReady(Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(LocalStackProcess.javaBinary());
        command.addAll(jvmOptions);
        // as ./whiteboard up does: a start without an archive writes one when the process stops
        if (!AOT_CACHE && hooksClassLoading(jvmOptions)) {
            // Java 17.0.15 crashed at start with a dynamic CDS archive and JFR recording from the start
            // (SIGSEGV in KlassFactory::check_shared_class_file_load_hook); agents hook class loading the same way
            System.out.println(name + ": no class archive, since the JVM options start JFR or an agent");
        } else if (Files.isRegularFile(classArchive)) {
            command.add((AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + classArchive);
        } else {
            command.add((AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + classArchive);
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            if (ready()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            sleep(20);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    double residentMiB() {
        return ProcessMemory.residentMiB(process.pid());
    }

    double peakResidentMiB() {
        return ProcessMemory.peakResidentMiB(process.pid());
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
