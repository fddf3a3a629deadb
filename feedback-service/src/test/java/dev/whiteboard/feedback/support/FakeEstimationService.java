package dev.whiteboard.feedback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * estimation-service's {@code POST /estimates/grade} as documented: the inputs' fields plus {@code candidate}
 * in, {@code {convention, grades: [{figure, computed, candidate, ratio, verdict, explanation}]}} out. It computes
 * writes per second (ROUNDED_DAY: a day is 1E5 s) and grades every candidate figure against it.
 */
public final class FakeEstimationService implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public FakeEstimationService(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/estimates/grade", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While down, every call gets 503. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** Request bodies received while up. */
    public List<JsonNode> bodies() {
        return bodies;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"))) {
                FakeSessionService.send(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            if (down) {
                FakeSessionService.send(exchange, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            bodies.add(body);
            if (!body.path("dailyActiveUsers").isNumber() || !body.path("writesPerUserPerDay").isNumber()) {
                FakeSessionService.send(exchange, 400, "{\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"dailyActiveUsers is required\",\"errors\":[{\"field\":\"dailyActiveUsers\","
                        + "\"message\":\"is required\"}]}");
                return;
            }
            double writesPerSecond = body.path("dailyActiveUsers").asDouble() * body.path("writesPerUserPerDay").asDouble() / 1e5;
            ObjectNode answer = JSON.createObjectNode().put("convention", "ROUNDED_DAY");
            ArrayNode grades = answer.putArray("grades");
            for (Iterator<Map.Entry<String, JsonNode>> it = body.path("candidate").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> figure = it.next();
                double candidate = figure.getValue().asDouble();
                double ratio = candidate / writesPerSecond;
                String verdict = ratio >= 0.5 && ratio <= 2 ? "ACCURATE" : ratio >= 0.1 && ratio <= 10 ? "ORDER_OF_MAGNITUDE" : "OFF";
                grades.addObject().put("figure", figure.getKey()).put("computed", writesPerSecond)
                        .put("candidate", candidate).put("ratio", ratio).put("verdict", verdict)
                        .put("explanation", "computed " + writesPerSecond + "/s");
            }
            FakeSessionService.send(exchange, 200, JSON.writeValueAsString(answer));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
