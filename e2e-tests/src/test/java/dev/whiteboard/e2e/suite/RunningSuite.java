package dev.whiteboard.e2e.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole suite as it runs in production, on this machine: real PostgreSQL, Kafka and Redis (the
 * embedded stack, unless WB_POSTGRES_HOST / WB_KAFKA_BOOTSTRAP / WB_REDIS_URL point elsewhere) and the
 * three packaged services as processes on free ports. One per test JVM, shared by every test class.
 */
public final class RunningSuite implements AutoCloseable {
    public static final String SESSION = "session-service";
    public static final String ESTIMATION = "estimation-service";
    public static final String FEEDBACK = "feedback-service";
    public static final String OPERATOR_SECRET = "e2e-operator-secret";
    public static final String INTERNAL_TOKEN = "e2e-internal-token";

    private static RunningSuite shared;

    private final LocalStack stack;
    private final Path dataDir;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final java.util.List<ServiceProcess> extraInstances = new java.util.ArrayList<>();
    private final Map<String, String> commonEnvironment = new HashMap<>();
    private final Path root;
    private final java.util.Set<String> issuedKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Path logs;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** The suite of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized RunningSuite shared() {
        if (shared == null) {
            shared = new RunningSuite(Map.of("WB_PRO_REQUESTS_PER_MINUTE", "1000000",
                    "WB_PRO_EXPENSIVE_PER_MINUTE", "100000"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "suite-shutdown"));
        }
        return shared;
    }

    private RunningSuite(Map<String, String> extraEnvironment) {
        root = Path.of(System.getProperty("wb.root", "..")).toAbsolutePath().normalize();
        logs = Path.of(System.getProperty("wb.logs", "target/suite-logs")).toAbsolutePath();
        Map<String, String> env = System.getenv();
        try {
            dataDir = Files.createTempDirectory("whiteboard-suite");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        boolean kafka = !env.containsKey("WB_KAFKA_BOOTSTRAP");
        stack = LocalStack.start(new LocalStack.Plan(dataDir,
                env.containsKey("WB_POSTGRES_HOST") ? null : Ports.free(),
                kafka ? Ports.free() : null,
                kafka ? Ports.free() : null,
                env.containsKey("WB_REDIS_URL") ? null : Ports.free()));

        Map<String, Integer> ports = Map.of(SESSION, Ports.free(), ESTIMATION, Ports.free(), FEEDBACK, Ports.free());
        Map<String, String> common = new HashMap<>(stack.environment());
        common.put("WB_KEY_PEPPER", "e2e-key-pepper");
        common.put("WB_INTERNAL_TOKEN", INTERNAL_TOKEN);
        common.put("WB_OPERATOR_SECRET", OPERATOR_SECRET);
        common.put("WB_SESSION_URL", "http://127.0.0.1:" + ports.get(SESSION));
        common.put("WB_ESTIMATION_URL", "http://127.0.0.1:" + ports.get(ESTIMATION));
        common.putAll(extraEnvironment);
        commonEnvironment.putAll(common);
        for (String name : new String[] {SESSION, ESTIMATION, FEEDBACK}) {
            services.put(name, new ServiceProcess(name,
                    root.resolve(name).resolve("target/" + name + "-runner.jar"),
                    ports.get(name), common, logs.resolve(name + ".log")));
        }
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(s -> s.awaitReady(Duration.ofSeconds(120)));
    }

    public LocalStack stack() {
        return stack;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public String url(String service) {
        return services.get(service).url();
    }

    /** Creates a tenant through the operator API and returns a fresh API key for it. */
    public String newTenantKey(String name, String tier) {
        return newTenant(name, tier).apiKey();
    }

    /** A tenant made through the operator API, with its first key. */
    public record TenantKey(String tenantId, String keyId, String apiKey) {
    }

    public TenantKey newTenant(String name, String tier) {
        JsonNode tenant = post("/admin/tenants", "{\"name\":\"" + name + "\",\"tier\":\"" + tier + "\"}");
        String tenantId = tenant.get("id").asText();
        JsonNode key = post("/admin/tenants/" + tenantId + "/keys", "");
        TenantKey made = new TenantKey(tenantId, key.get("keyId").asText(), key.get("apiKey").asText());
        issuedKeys.add(made.apiKey());
        return made;
    }

    /** Revokes a key through the operator API. */
    public void revoke(TenantKey key) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(url(SESSION) + "/admin/tenants/" + key.tenantId() + "/keys/" + key.keyId()))
                    .header("X-Operator-Secret", OPERATOR_SECRET).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("revoke -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts one more instance of a service on a free port, sharing the suite's servers; stopped with the suite. */
    public synchronized ServiceProcess startExtraInstance(String name) {
        ServiceProcess extra = new ServiceProcess(name, root.resolve(name).resolve("target/" + name + "-runner.jar"),
                Ports.free(), commonEnvironment, logs.resolve(name + "-" + (extraInstances.size() + 2) + ".log"));
        extraInstances.add(extra);
        return extra.start().awaitReady(Duration.ofSeconds(120));
    }

    /** Every API key this suite issued: none may ever appear in a log or a response body. */
    public java.util.Set<String> issuedKeys() {
        return java.util.Set.copyOf(issuedKeys);
    }

    /** The secrets the services were started with. */
    public java.util.List<String> secrets() {
        return java.util.List.of(OPERATOR_SECRET, INTERNAL_TOKEN, commonEnvironment.get("WB_KEY_PEPPER"));
    }

    /** The log files of every service process this suite started. */
    public synchronized java.util.List<Path> logFiles() {
        java.util.List<Path> files = new java.util.ArrayList<>();
        services.values().forEach(s -> files.add(s.log()));
        extraInstances.forEach(s -> files.add(s.log()));
        return files;
    }

    private JsonNode post(String path, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(SESSION) + path))
                    .header("X-Operator-Secret", OPERATOR_SECRET).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        extraInstances.forEach(ServiceProcess::stop);
        services.values().forEach(ServiceProcess::stop);
        stack.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
