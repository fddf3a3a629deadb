package dev.whiteboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The few API calls the benchmarks need to set themselves up: a tenant key, sessions, a report. */
final class SuiteApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String sessionUrl;
    private final String operatorSecret;

    SuiteApi(String sessionUrl, String operatorSecret) {
        this.sessionUrl = sessionUrl;
        this.operatorSecret = operatorSecret;
    }

    /** A new pro tenant and a key for it, through the operator API. */
    String newProKey(String name) {
        JsonNode tenant = send(HttpRequest.newBuilder(URI.create(sessionUrl + "/admin/tenants"))
                .header("X-Operator-Secret", operatorSecret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"tier\":\"pro\"}")), 201);
        return send(HttpRequest.newBuilder(URI.create(sessionUrl + "/admin/tenants/" + tenant.path("id").asText() + "/keys"))
                .header("X-Operator-Secret", operatorSecret).POST(HttpRequest.BodyPublishers.noBody()), 201)
                .path("apiKey").asText();
    }

    UUID newSession(String key, String candidateRef) {
        JsonNode session = send(HttpRequest.newBuilder(URI.create(sessionUrl + "/sessions")).header("X-API-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"question\":\"Design a chat service\",\"candidateRef\":\"" + candidateRef + "\"}")), 201);
        return UUID.fromString(session.path("id").asText());
    }

    void act(String key, UUID session, String action) {
        send(HttpRequest.newBuilder(URI.create(sessionUrl + "/sessions/" + session + "/" + action)).header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    /** The status of a GET, for waiting until something exists. */
    static int status(String url, String key) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                        + " -> " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
