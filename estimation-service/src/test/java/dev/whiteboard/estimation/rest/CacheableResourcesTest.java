package dev.whiteboard.estimation.rest;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class CacheableResourcesTest {
    @Inject
    ApiKeyDirectory directory;

    private String key;

    @BeforeEach
    void registerKey() {
        key = directory.registerForTests("tenant-reference", "free");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reference/latency", "/reference/powers-of-two", "/scenarios", "/scenarios/chat"})
    void answersCarryAnEtagAndRevalidateTo304(String path) {
        Response first = given().header("X-API-Key", key).get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(first.header("Cache-Control")).startsWith("public, max-age=");

        given().header("X-API-Key", key).header("If-None-Match", etag).get(path).then()
                .statusCode(304).header("ETag", etag);
        given().header("X-API-Key", key).header("If-None-Match", "\"other\", W/" + etag).get(path).then()
                .statusCode(304);
        given().header("X-API-Key", key).header("If-None-Match", "\"stale\"").get(path).then()
                .statusCode(200).header("ETag", etag);
    }

    @Test
    void referenceTablesHaveUnitsAndSources() {
        given().header("X-API-Key", key).get("/reference/latency").then()
                .statusCode(200).contentType("application/json")
                .body("unit", equalTo("ns"))
                .body("source", notNullValue())
                .body("entries.operation", hasItems("L1 cache reference", "Main memory reference"));
        given().header("X-API-Key", key).get("/reference/powers-of-two").then()
                .statusCode(200)
                .body("entries.find { it.power == 30 }.bytes", equalTo("1 GiB"))
                .body("entries.find { it.power == 30 }.approximately", equalTo("1 billion"));
    }

    @Test
    void scenariosCarryInputsAssumptionsAndEstimates() {
        given().header("X-API-Key", key).get("/scenarios").then()
                .statusCode(200)
                .body("id", hasItems("url-shortener", "paste-bin", "news-feed", "chat", "web-crawler", "video-streaming"));
        given().header("X-API-Key", key).get("/scenarios/url-shortener").then()
                .statusCode(200)
                .body("inputs.per", equalTo("MONTH"))
                .body("inputs.timeConvention", equalTo("ROUNDED_MONTH"))
                .body("estimate.figures.writeQps.value", equalTo(200))
                .body("assumptions[0]", equalTo("500 million new short URLs a month"));
        given().header("X-API-Key", key).get("/scenarios/uber").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
