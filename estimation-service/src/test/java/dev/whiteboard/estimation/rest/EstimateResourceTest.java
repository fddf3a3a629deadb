package dev.whiteboard.estimation.rest;

import dev.whiteboard.api.access.ApiKeyDirectory;
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

import java.util.Collections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class EstimateResourceTest {
    @Inject
    ApiKeyDirectory directory;

    private String key;

    @BeforeEach
    void registerKey() {
        key = directory.registerForTests("tenant-grades", "pro");
    }

    private RequestSpecification caller() {
        return given().header("X-API-Key", key).contentType("application/json")
                .config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    @Test
    void gradesEachCandidateFigure() {
        caller().body("""
                        {"writes":100000000,"per":"DAY","readsPerWrite":10,"writeSizeBytes":1000,"readSizeBytes":1000,
                         "candidate":{"writeQps":1000000,"readQps":11574,"storagePerDayBytes":100000000000}}""")
                .post("/estimates/grade").then()
                .statusCode(200)
                .body("convention", equalTo("ROUNDED_DAY"))
                .body("grades.figure", contains("writeQps", "readQps", "storagePerDayBytes"))
                .body("grades[0].computed", hasToString("1000"))
                .body("grades[0].candidate", hasToString("1000000"))
                .body("grades[0].ratio", hasToString("1000"))
                .body("grades[0].verdict", equalTo("OFF"))
                .body("grades[0].explanation", containsString("a units slip of 1,000"))
                .body("grades[1].verdict", equalTo("ACCURATE"))
                .body("grades[1].explanation", containsString("EXACT convention"))
                .body("grades[2].verdict", equalTo("ACCURATE"))
                .body("grades[2].unit", equalTo("bytes"));
    }

    @Test
    void gradingNeedsACandidateAndComputableFigures() {
        caller().body("{\"writes\":10,\"per\":\"DAY\"}").post("/estimates/grade").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("candidate"));
        caller().body("{\"writes\":10,\"per\":\"DAY\",\"candidate\":{\"servers\":3}}").post("/estimates/grade").then()
                .statusCode(400).body("errors[0].field", equalTo("candidate.servers"));
        caller().body("{\"writes\":10,\"per\":\"DAY\",\"candidate\":{\"writeQps\":\"fast\"}}").post("/estimates/grade")
                .then().statusCode(400).body("errors[0].field", equalTo("candidate.writeQps"));
        caller().body("{\"writes\":10,\"per\":\"DAY\",\"candidate\":{\"qps\":3}}").post("/estimates/grade").then()
                .statusCode(400).body("errors[0].field", equalTo("candidate.qps"));
        caller().body("{\"writes\":-10,\"per\":\"DAY\",\"candidate\":{\"writeQps\":3}}").post("/estimates/grade").then()
                .statusCode(400).body("errors[0].field", equalTo("writes"));
        caller().body("").post("/estimates/grade").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void aBadBatchItemFailsAloneAndResultsKeepTheirOrder() {
        caller().body("""
                        [{"writes":10,"per":"SECOND"},
                         {"writes":-5,"per":"DAY"},
                         {"writes":"many","per":"DAY"},
                         7,
                         {"dailyActiveUsers":1000000,"writesPerUserPerDay":2,"readsPerWrite":5,"writeSizeBytes":500}]""")
                .post("/estimates/batch").then()
                .statusCode(200)
                .body("succeeded", equalTo(2))
                .body("failed", equalTo(3))
                .body("results.index", contains(0, 1, 2, 3, 4))
                .body("results.status", contains(200, 400, 400, 400, 200))
                .body("results[0].estimate.figures.writeQps.value", hasToString("10"))
                .body("results[0].problem", nullValue())
                .body("results[1].problem.errors[0].field", equalTo("writes"))
                .body("results[1].problem.instance", equalTo("/estimates/batch[1]"))
                .body("results[2].problem.errors[0].field", equalTo("writes"))
                .body("results[3].problem.errors[0].field", equalTo("body"))
                .body("results[4].estimate.figures.writesPerDay.value", hasToString("2000000"))
                .body("results[4].estimate.figures.storagePerDayBytes", notNullValue());
    }

    @Test
    void batchesHoldOneToAThousandItems() {
        String item = "{\"writes\":10,\"per\":\"SECOND\"}";
        String thousand = "[" + String.join(",", Collections.nCopies(1000, item)) + "]";
        caller().body(thousand).post("/estimates/batch").then()
                .statusCode(200).body("succeeded", equalTo(1000)).body("results", hasSize(1000));
        String tooMany = "[" + String.join(",", Collections.nCopies(1001, item)) + "]";
        caller().body(tooMany).post("/estimates/batch").then()
                .statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        caller().body("[]").post("/estimates/batch").then().statusCode(400).body("errors[0].field", equalTo("body"));
        caller().body("{\"writes\":10}").post("/estimates/batch").then()
                .statusCode(400).body("errors[0].field", equalTo("body"));
        caller().body("[{\"writes\":10,").post("/estimates/batch").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }
}
