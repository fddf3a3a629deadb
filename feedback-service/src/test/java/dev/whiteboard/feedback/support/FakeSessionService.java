package dev.whiteboard.feedback.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * session-service's internal template endpoint as the contract describes it:
 * {@code GET /internal/templates/{id}/versions/{version|latest}} with {@code X-Internal-Token}. Serves the real
 * default template from session-service's resources, and templates a test adds.
 */
public final class FakeSessionService implements AutoCloseable {
    public static final Path DEFAULT_TEMPLATE = Path.of("../session-service/src/main/resources/templates/default-template.json");
    /** The version of the default template session-service ships, which this fake serves it under. */
    public static final int DEFAULT_VERSION = defaultVersion();
    private static final Pattern PATH = Pattern.compile("/internal/templates/([^/]+)/versions/([^/]+)");

    private final HttpServer server;
    private final String token;
    private final Map<String, Map<Integer, String>> templates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile boolean down;

    public FakeSessionService(String token) {
        this.token = token;
        try {
            put("default", DEFAULT_VERSION, Files.readString(DEFAULT_TEMPLATE, StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/templates", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    private static int defaultVersion() {
        try {
            return new ObjectMapper().readTree(DEFAULT_TEMPLATE.toFile()).path("version").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String id, int version, String json) {
        templates.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).put(version, json);
    }

    /** Requests seen for a template id (any version). */
    public int requestsFor(String id) {
        return requests.computeIfAbsent(id, k -> new AtomicInteger()).get();
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"))) {
                send(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches() || !exchange.getRequestMethod().equals("GET")) {
                send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                return;
            }
            requests.computeIfAbsent(m.group(1), k -> new AtomicInteger()).incrementAndGet();
            if (down) {
                send(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            Map<Integer, String> versions = templates.get(m.group(1));
            String body = null;
            if (versions != null && !versions.isEmpty()) {
                body = m.group(2).equals("latest")
                        ? versions.get(versions.keySet().stream().max(Integer::compare).orElseThrow())
                        : versions.get(parse(m.group(2)));
            }
            if (body == null) {
                send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
            } else {
                send(exchange, 200, body);
            }
        }
    }

    private static Integer parse(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
