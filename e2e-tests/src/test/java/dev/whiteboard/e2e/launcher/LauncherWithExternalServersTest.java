package dev.whiteboard.e2e.launcher;

import dev.whiteboard.e2e.suite.Http;
import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.Ports;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command 1 (./whiteboard up) against external servers: a second, separately started stack stands in for
 * managed PostgreSQL, Kafka and Redis; the launcher must use it, start none of its own, and `down` must
 * leave nothing running.
 */
@Order(1)
class LauncherWithExternalServersTest {

    @Test
    void upUsesTheConfiguredServersAndDownStopsEverything() throws Exception {
        Path root = Path.of(System.getProperty("wb.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("whiteboard-launcher");
        try (LocalStack external = LocalStack.start(new LocalStack.Plan(work.resolve("external"),
                Ports.free(), Ports.free(), Ports.free(), Ports.free()))) {
            int session = Ports.free();
            int estimation = Ports.free();
            int feedback = Ports.free();
            ProcessBuilder up = launcher(root, work, "up", external, session, estimation, feedback);
            Process process = up.start();
            List<String> output = new ArrayList<>();
            List<Long> pids = new ArrayList<>();
            boolean ready = readUntil(process, output, "[whiteboard] ready:", Duration.ofSeconds(240));
            try {
                assertThat(ready).as(String.join("\n", output)).isTrue();
                for (int port : new int[] {session, estimation, feedback}) {
                    assertThat(Http.get("http://127.0.0.1:" + port + "/q/health/ready", null).status()).isEqualTo(200);
                }
                Http.Reply tenant = Http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + session + "/admin/tenants"))
                        .header("X-Operator-Secret", "local-operator-secret").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"External\",\"tier\":\"pro\"}")),
                        null);
                assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);
                String id = tenant.json().get("id").asText();
                int port = external.postgres().orElseThrow().port();
                try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/whiteboard_session", "postgres", "postgres");
                     ResultSet rows = connection.createStatement().executeQuery(
                             "SELECT count(*) FROM tenant WHERE id = '" + id + "'")) {
                    rows.next();
                    assertThat(rows.getInt(1)).as("the tenant is in the external PostgreSQL").isEqualTo(1);
                }
                try (var pidFiles = Files.list(work.resolve("state/run"))) {
                    for (Path pidFile : pidFiles.filter(f -> f.toString().endsWith(".pid")).toList()) {
                        pids.add(Long.parseLong(Files.readString(pidFile).trim()));
                    }
                }
                assertThat(pids).as("stack and three services").hasSize(4);
                String addresses = Files.readString(work.resolve("state/run/stack.env"));
                assertThat(addresses).as("the launcher started no server of its own").doesNotContain("export");
            } finally {
                Process down = launcher(root, work, "down", external, session, estimation, feedback).start();
                assertThat(down.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("up exits after down").isTrue();
            }
            for (int port : new int[] {session, estimation, feedback}) {
                assertThat(Ports.listening("127.0.0.1", port)).as("port " + port + " after down").isFalse();
            }
            for (long pid : pids) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("process " + pid + " after down").isFalse();
            }
        }
    }

    private static ProcessBuilder launcher(Path root, Path work, String command, LocalStack external,
                                           int session, int estimation, int feedback) {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("whiteboard").toString(), command)
                .directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(external.environment());
        env.put("WB_STATE_DIR", work.resolve("state").toString());
        env.put("WB_SESSION_PORT", String.valueOf(session));
        env.put("WB_ESTIMATION_PORT", String.valueOf(estimation));
        env.put("WB_FEEDBACK_PORT", String.valueOf(feedback));
        env.put("WB_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        env.put("PATH", javaBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        return builder;
    }

    private static boolean readUntil(Process process, List<String> output, String marker, Duration timeout)
            throws IOException, InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    System.out.println("[launcher] " + line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "launcher-output");
        drain.setDaemon(true);
        drain.start();
        while (System.nanoTime() < deadline && process.isAlive()) {
            synchronized (output) {
                if (output.stream().anyMatch(l -> l.startsWith(marker))) {
                    return true;
                }
            }
            Thread.sleep(500);
        }
        synchronized (output) {
            return output.stream().anyMatch(l -> l.startsWith(marker));
        }
    }
}
