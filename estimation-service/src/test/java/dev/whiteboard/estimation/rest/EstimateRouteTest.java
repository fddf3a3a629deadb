package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.estimation.domain.Estimator;
import dev.whiteboard.estimation.domain.ScenarioCatalog;
import dev.whiteboard.estimation.service.EstimationService;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class EstimateRouteTest {
    static final String EXAMPLE = """
            {"writes":100000000,"per":"DAY","readsPerWrite":10,"writeSizeBytes":1000,"readSizeBytes":1000}""";

    @Inject
    ApiKeyDirectory directory;
    @Inject
    ObjectMapper json;
    @Inject
    EstimationService service;

    private String key;

    @BeforeEach
    void registerKey() {
        key = directory.registerForTests("tenant-estimates", "pro");
    }

    private RequestSpecification caller() {
        return given().header("X-API-Key", key).contentType("application/json")
                .config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    @Test
    void estimatesWithTheWorkingShown() {
        caller().body(EXAMPLE).post("/estimates").then()
                .statusCode(200)
                .contentType("application/json")
                .body("convention", equalTo("ROUNDED_DAY"))
                .body("figures.writeQps.value", hasToString("1000"))
                .body("figures.writeQps.unit", equalTo("writes/s"))
                .body("figures.writeQps.formula", equalTo("writes/s = 100,000,000 / 100,000 s = 1,000/s"))
                .body("figures.readQps.value", hasToString("10000"))
                .body("figures.storagePerDayBytes.value", hasToString("100000000000"))
                .body("figures.storagePerDayBytes.decimal", equalTo("100 GB"))
                .body("figures.storagePerDayBytes.binary", equalTo("93.1 GiB"))
                .body("assumptions", hasItem(startsWith("ROUNDED_DAY (default)")));
    }

    @Test
    void extremeInputsGivePlainExactNumbers() {
        String body = caller().body("""
                        {"writes":1000000000000,"per":"DAY","readsPerWrite":100,"writeSizeBytes":1000000000,
                         "readSizeBytes":1000000000,"retentionYears":5,"replicationFactor":3}""")
                .post("/estimates").then().statusCode(200).extract().asString();
        assertThat(body).contains("\"value\":5475000000000000000000000").doesNotContain("E+", "\"value\":-");
    }

    @Test
    void theHandWrittenJsonIsWhatJacksonWritesForTheRecord() throws Exception {
        for (var scenario : new ScenarioCatalog(new Estimator()).all()) {
            String request = json.writeValueAsString(EstimateRequest.of(scenario.inputs()));
            byte[] answer = caller().body(request).post("/estimates").then().statusCode(200).extract().asByteArray();
            EstimateRequest parsed = json.readValue(request, EstimateRequest.class);
            String expected = json.writeValueAsString(EstimateResponse.of(service.estimate(parsed.toInputs())));
            assertThat(new String(answer, StandardCharsets.UTF_8)).as(scenario.id()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "missing traffic        | {}                                                 | writes",
            "missing per            | {\"writes\":10}                                    | per",
            "negative               | {\"writes\":-1,\"per\":\"DAY\"}                    | writes",
            "zero                   | {\"writes\":0,\"per\":\"DAY\"}                     | writes",
            "NaN literal            | {\"writes\":NaN,\"per\":\"DAY\"}                   | writes",
            "NaN string             | {\"writes\":\"NaN\",\"per\":\"DAY\"}               | writes",
            "Infinity literal       | {\"writes\":Infinity,\"per\":\"DAY\"}              | writes",
            "string                 | {\"writes\":\"x\",\"per\":\"DAY\"}                 | writes",
            "huge                   | {\"writes\":1e400,\"per\":\"DAY\"}                 | writes",
            "above the bound        | {\"writes\":1e13,\"per\":\"DAY\"}                  | writes",
            "unknown enum           | {\"writes\":10,\"per\":\"WEEKISH\"}                | per",
            "unknown convention     | {\"writes\":10,\"per\":\"DAY\",\"timeConvention\":\"LUNAR\"} | timeConvention",
            "both traffic forms     | {\"writes\":10,\"per\":\"DAY\",\"dailyActiveUsers\":5,\"writesPerUserPerDay\":1} | writes",
            "users without writes   | {\"dailyActiveUsers\":5}                           | writesPerUserPerDay",
            "negative size          | {\"writes\":10,\"per\":\"DAY\",\"writeSizeBytes\":-3} | writeSizeBytes",
            "fraction above one     | {\"writes\":10,\"per\":\"DAY\",\"cacheFraction\":2} | cacheFraction",
            "object for a number    | {\"writes\":{\"a\":1},\"per\":\"DAY\"}             | writes",
            "unknown field          | {\"writes\":10,\"per\":\"DAY\",\"writesPerDay\":5}  | writesPerDay",
            "repeated field         | {\"writes\":10,\"per\":\"DAY\",\"writes\":11}       | writes",
            "empty body             | ``                                                 | body",
            "malformed JSON         | {                                                  | body",
            "array                  | [1,2]                                              | body",
            "trailing garbage       | {\"writes\":10,\"per\":\"DAY\"} x                  | body"})
    void badInputIsAProblemNamingTheField(String name, String body, String field) {
        caller().body(body).post("/estimates").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field))
                .body("detail", startsWith(field + ": "))
                .body("instance", equalTo("/estimates"));
    }

    @Test
    void otherMediaTypesAreRefused() {
        given().header("X-API-Key", key).contentType("text/plain").body(EXAMPLE).post("/estimates").then()
                .statusCode(415).contentType("application/problem+json").body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void bodiesOver64KbAreRefused() {
        String padded = "{\"writes\":10,\"per\":\"DAY\"" + " ".repeat(70_000) + "}";
        caller().body(padded).post("/estimates").then()
                .statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void anApiKeyIsRequired() {
        given().contentType("application/json").body(EXAMPLE).post("/estimates").then()
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-API-Key"));
    }
}
