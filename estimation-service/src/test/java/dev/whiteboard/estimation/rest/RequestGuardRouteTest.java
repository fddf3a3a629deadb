package dev.whiteboard.estimation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What the request guard and the HTTP limits answer before a resource runs: problem+json, never a bare status. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class RequestGuardRouteTest {
    @Inject
    ApiKeyDirectory directory;

    @TestHTTPResource("/")
    URL root;

    private String key;

    @BeforeEach
    void registerKey() {
        key = directory.registerForTests("tenant-guard", "pro");
    }

    @Test
    void aNulInThePathOrQueryIsABadRequestNamingWhere() {
        given().urlEncodingEnabled(false).header("X-API-Key", key).get("/reference/latency%00").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).get("/reference/latency?x=%01").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("query"));
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedAsAProblemBeforeItIsRead() throws IOException {
        String response = exchange("POST /estimates HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{\"writes\":");

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).containsIgnoringCase("content-type: application/problem+json");
        assertThat(response).contains("\"field\":\"body\"");
    }

    @Test
    void aLongQueryReachesTheApiInsteadOfABare414() {
        String longValue = "a".repeat(8000);
        given().header("X-API-Key", key).queryParam("unused", longValue).get("/reference/latency").then()
                .statusCode(200);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
                if (read.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}
