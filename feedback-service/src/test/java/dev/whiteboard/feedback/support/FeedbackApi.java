package dev.whiteboard.feedback.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The feedback API as a platform calls it, with one tenant's key. */
public final class FeedbackApi {
    private final String apiKey;

    public FeedbackApi(String apiKey) {
        this.apiKey = apiKey;
    }

    public Response report(UUID sessionId) {
        return given().header("X-API-Key", apiKey).when().get("/feedback/" + sessionId);
    }

    /** Waits until the report is FINAL and satisfies what the caller needs (e.g. graded estimates). */
    public JsonPath awaitFinal(UUID sessionId, Duration within) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r = report(sessionId);
            if (r.statusCode() != 200) {
                return false;
            }
            last[0] = r.jsonPath();
            return "FINAL".equals(last[0].getString("status"));
        });
        return last[0];
    }

    public String key() {
        return apiKey;
    }
}
