import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The two contracts feedback-service calls, for the benchmark: session-service's
 * GET /internal/templates/{id}/versions/{version|latest} (serving the real default template) and
 * estimation-service's POST /estimates/grade (a fixed, valid grading). Both check X-Internal-Token.
 *
 * Usage: java FakeServices.java <template.json> <internal-token>; prints "listening <session-port> <estimation-port>"
 * (ports the system chose).
 */
public class FakeServices {
    private static final String GRADING = "{\"convention\":\"ROUNDED_DAY\",\"grades\":[{\"figure\":\"writesPerSecond\","
            + "\"computed\":10000,\"candidate\":12000,\"ratio\":1.2,\"verdict\":\"ACCURATE\","
            + "\"explanation\":\"within 2x of 10,000/s\"}]}";

    public static void main(String[] args) throws IOException {
        byte[] template = Files.readAllBytes(Path.of(args[0]));
        String token = args[1];
        // served under the version the file states, as session-service stores it
        String shipped = new com.fasterxml.jackson.databind.ObjectMapper().readTree(template).path("version").asText();
        HttpServer session = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        session.createContext("/internal/templates/default/versions/", exchange -> {
            String version = exchange.getRequestURI().getPath().replaceAll(".*/versions/", "");
            boolean known = version.equals(shipped) || version.equals("latest");
            answer(exchange, token, known ? 200 : 404, known ? template
                    : "{\"title\":\"Not Found\",\"status\":404}".getBytes(StandardCharsets.UTF_8));
        });
        session.setExecutor(Executors.newFixedThreadPool(2));
        session.start();
        HttpServer estimation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        estimation.createContext("/estimates/grade", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answer(exchange, token, 200, GRADING.getBytes(StandardCharsets.UTF_8));
        });
        estimation.setExecutor(Executors.newFixedThreadPool(2));
        estimation.start();
        System.out.println("listening " + session.getAddress().getPort() + " " + estimation.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, String token, int status, byte[] body) throws IOException {
        try (exchange) {
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"))) {
                status = 401;
                body = "{\"title\":\"Unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
