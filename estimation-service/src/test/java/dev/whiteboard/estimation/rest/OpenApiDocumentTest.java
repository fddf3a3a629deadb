package dev.whiteboard.estimation.rest;

import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class OpenApiDocumentTest {

    @Test
    void everyEndpointIsDocumentedWithExamplesAndProblems() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();

        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/estimates", "/estimates/grade", "/estimates/batch", "/reference/latency",
                "/reference/powers-of-two", "/scenarios", "/scenarios/{id}");

        assertThat(doc.getString("paths.'/estimates'.post.summary")).isNotBlank();
        assertThat(doc.getMap("paths.'/estimates'.post.requestBody.content.'application/json'.examples")).isNotEmpty();
        assertThat(doc.getMap("paths.'/estimates'.post.responses")).containsKeys("200", "400", "401", "429");
        assertThat(doc.getString("paths.'/estimates'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getMap("paths.'/estimates/grade'.post.requestBody.content.'application/json'.examples")).isNotEmpty();
        assertThat(doc.getMap("paths.'/estimates/batch'.post.responses")).containsKeys("200", "400", "413");
        assertThat(doc.getMap("paths.'/scenarios/{id}'.get.responses")).containsKeys("200", "304", "404");

        Map<String, Object> request = doc.getMap("components.schemas.EstimateRequest.properties");
        assertThat(request).containsKeys("dailyActiveUsers", "writesPerUserPerDay", "writes", "per", "readsPerWrite",
                "writeSizeBytes", "readSizeBytes", "retentionYears", "replicationFactor", "peakFactor", "cacheFraction",
                "timeConvention", "serverCapacityQps", "shardCapacityBytes");
        assertThat(doc.getString("components.schemas.EstimateRequest.properties.retentionYears.default")).isEqualTo("5");
        assertThat(doc.getString("components.schemas.EstimateRequest.properties.cacheFraction.default")).isEqualTo("0.2");
        assertThat(doc.getMap("components.schemas.Figures.properties")).containsKeys("writesPerDay", "readsPerDay",
                "writeQps", "readQps", "peakWriteQps", "peakReadQps", "storagePerDayBytes", "storagePerYearBytes",
                "storageTotalBytes", "ingressBytesPerSecond", "egressBytesPerSecond", "cacheBytes", "servers", "shards");
        List<String> operationsWithoutSummary = doc.getList("paths.collect { p -> p.value.collect { o -> o.value.summary } }.flatten().findAll { it == null }");
        assertThat(operationsWithoutSummary).isEmpty();
    }
}
