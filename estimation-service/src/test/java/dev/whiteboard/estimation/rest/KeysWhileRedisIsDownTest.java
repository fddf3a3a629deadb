package dev.whiteboard.estimation.rest;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.api.access.ApiKeys;
import dev.whiteboard.api.access.KeyGrant;
import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.testing.InjectLocalStack;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A key this instance has seen keeps working while Redis is down (decision 0003), also right after
 * session-service's key mirror republished it: republishing refreshes the local entry instead of
 * dropping it.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class KeysWhileRedisIsDownTest {
    @InjectLocalStack
    LocalStack stack;

    @Inject
    ApiKeyDirectory directory;

    @Test
    void aSeenKeyRepublishedJustBeforeAnOutageStillWorks() {
        String key = directory.registerForTests("tenant-outage", "pro");
        given().header("X-API-Key", key).get("/reference/latency").then().statusCode(200);
        directory.publish(directory.hashOf(key), new KeyGrant("tenant-outage", "pro", ApiKeys.keyId(key), null))
                .await().atMost(Duration.ofSeconds(10));
        try {
            stack.redis().orElseThrow().stop();

            given().header("X-API-Key", key).get("/reference/latency").then().statusCode(200);
        } finally {
            stack.redis().orElseThrow().start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("X-API-Key", key).get("/reference/latency").then().statusCode(200));
    }
}
