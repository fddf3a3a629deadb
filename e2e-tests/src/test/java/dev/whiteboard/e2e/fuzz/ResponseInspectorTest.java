package dev.whiteboard.e2e.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseInspectorTest {
    private static final String KEY = "wb_k1_0123456789abcdef";
    private final ResponseInspector inspector = new ResponseInspector(List.of(KEY, "the-pepper-value"));
    private final FuzzRequest request = new FuzzRequest(1, "GET /things", FuzzCase.VALID, "GET", "/things",
            List.of(new FuzzRequest.Header("X-Operator-Secret", "presented-secret")), null);

    @Test
    void aProblemWithoutInternalsPasses() {
        assertThat(inspect(400, "application/problem+json",
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"size must be positive\"}")).isEmpty();
        assertThat(inspect(200, "application/json", "{\"id\":\"abc\"}")).isEmpty();
    }

    @Test
    void flagsServerErrorsAndClientErrorsThatAreNotProblems() {
        assertThat(inspect(500, "application/problem+json", "{\"status\":500}")).singleElement().asString().contains("500");
        assertThat(inspect(503, "text/plain", "down")).isNotEmpty();
        assertThat(inspect(404, "text/html", "<html>Not Found</html>")).singleElement().asString().contains("text/html");
        assertThat(inspect(413, null, "")).isNotEmpty();
        assertThat(inspect(400, "application/problem+json", "not json")).isNotEmpty();
        assertThat(inspect(400, "application/problem+json", "{\"status\":500}")).isNotEmpty();
    }

    @Test
    void flagsStackTracesAndClassNames() {
        assertThat(inspect(400, "application/problem+json",
                "{\"detail\":\"at java.base/java.lang.Integer.parseInt(Integer.java:652)\"}")).isNotEmpty();
        assertThat(inspect(400, "application/problem+json",
                "{\"detail\":\"com.fasterxml.jackson.core.JsonParseException: Unexpected character\"}")).isNotEmpty();
        assertThat(inspect(200, "application/json", "{\"detail\":\"NullPointerException\"}")).isNotEmpty();
        assertThat(inspect(400, "application/problem+json",
                "{\"detail\":\"dev.whiteboard.session.rest.SessionResource failed\"}")).isNotEmpty();
    }

    @Test
    void flagsConfiguredAndPresentedSecrets() {
        assertThat(inspect(401, "application/problem+json", "{\"detail\":\"key " + KEY + " unknown\"}"))
                .singleElement().asString().contains("secret").doesNotContain(KEY);
        assertThat(inspect(200, "application/json", "{\"pepper\":\"the-pepper-value\"}")).isNotEmpty();
        assertThat(inspect(401, "application/problem+json", "{\"detail\":\"presented-secret is wrong\"}")).isNotEmpty();
    }

    @Test
    void aPresentedInjectionStringThatIsAlsoStoredDataIsNoSecret() {
        FuzzRequest injected = new FuzzRequest(2, "GET /admin/tenants", FuzzCase.BAD_HEADERS, "GET", "/admin/tenants",
                List.of(new FuzzRequest.Header("X-API-Key", "' OR '1'='1")), null);
        byte[] listing = "{\"items\":[{\"name\":\"' OR '1'='1\"}]}".getBytes(StandardCharsets.UTF_8);

        assertThat(inspector.inspect(injected, 200, "application/json", listing)).isEmpty();
    }

    private List<String> inspect(int status, String contentType, String body) {
        return inspector.inspect(request, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
