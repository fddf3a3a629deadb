package dev.whiteboard.session.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.session.support.RedisKeys;
import dev.whiteboard.session.support.SseReader;
import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.Ports;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two running instances of the packaged service on one stack: a change made through one instance is seen
 * on the other instance's event stream.
 */
class SessionStreamAcrossInstancesIT {
    private static final String PEPPER = "test-only-key-pepper";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Path dataDir;
    private static LocalStack stack;
    private static final List<Process> instances = new ArrayList<>();
    private static int portA;
    private static int portB;
    private static String key;

    @BeforeAll
    static void startStackAndTwoInstances() throws Exception {
        dataDir = Files.createTempDirectory("session-it-stack");
        stack = LocalStack.start(new LocalStack.Plan(dataDir, Ports.free(), Ports.free(), Ports.free(), Ports.free()));
        portA = Ports.free();
        portB = Ports.free();
        instances.add(launch("a", portA));
        instances.add(launch("b", portB));
        awaitReady(portA);
        awaitReady(portB);
        key = RedisKeys.register("127.0.0.1", stack.redis().orElseThrow().port(), PEPPER, "tenant-it", "pro");
    }

    private static Process launch(String name, int port) throws IOException {
        Path jar = Path.of(System.getProperty("wb.app.jar", "target/session-service-runner.jar"));
        Path log = Path.of("target", "it-instance-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(stack.environment());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("WB_KEY_PEPPER", PEPPER);
        env.put("WB_INTERNAL_TOKEN", "test-only-internal-token");
        return builder.start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            for (Process instance : instances) {
                if (!instance.isAlive()) {
                    throw new IllegalStateException("an instance exited with " + instance.exitValue() + "; see target/it-instance-*.log");
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the instance on port " + port + " was not ready within 3 minutes");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Process instance : instances) {
            instance.destroy();
        }
        for (Process instance : instances) {
            if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
        if (stack != null) {
            stack.close();
        }
        if (dataDir != null) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static RequestSpecification on(int port) {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port)
                .header("X-API-Key", key).contentType(ContentType.JSON);
    }

    @Test
    void aChangeMadeThroughOneInstanceAppearsOnTheOtherInstancesStream() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String session = on(portA).body("{\"question\":\"Design a chat\",\"candidateRef\":\"acc-it\"}")
                .post("/sessions").then().statusCode(201).extract().path("id");

        try (SseReader stream = new SseReader(URI.create("http://127.0.0.1:" + portB + "/sessions/" + session + "/stream"), key)) {
            assertThat(stream.status(WAIT)).isEqualTo(200);
            SseReader.Event snapshot = stream.next(WAIT);
            assertThat(snapshot).isNotNull();
            assertThat(snapshot.name()).isEqualTo("session");

            on(portA).post("/sessions/" + session + "/start").then().statusCode(200);
            on(portA).body("{\"phase\":\"requirements\",\"text\":\"Who uses it?\"}")
                    .post("/sessions/" + session + "/notes").then().statusCode(201);
            on(portA).post("/sessions/" + session + "/advance").then().statusCode(200);

            List<String> seen = new ArrayList<>();
            Map<String, JsonNode> byType = new HashMap<>();
            while (seen.size() < 5) {
                SseReader.Event event = stream.nextExcept(WAIT, "nudge");
                assertThat(event).as("events seen on instance B so far: %s", seen).isNotNull();
                seen.add(event.name());
                byType.put(event.name(), json.readTree(event.data()));
            }
            assertThat(seen).containsExactly("session.started", "phase.started", "note.added", "phase.completed",
                    "phase.started");
            assertThat(byType.get("note.added").path("payload").path("text").asText()).isEqualTo("Who uses it?");
            assertThat(byType.get("note.added").path("sessionId").asText()).isEqualTo(session);
        }
        on(portB).get("/sessions/" + session).then().statusCode(200)
                .body("currentPhase", org.hamcrest.Matchers.equalTo("functional-nonfunctional"));
    }
}
