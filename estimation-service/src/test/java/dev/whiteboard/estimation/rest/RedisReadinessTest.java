package dev.whiteboard.estimation.rest;

import dev.whiteboard.stack.LocalStack;
import dev.whiteboard.stack.testing.InjectLocalStack;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class RedisReadinessTest {
    @InjectLocalStack
    LocalStack stack;

    @Test
    void notReadyWhileRedisIsDownAndReadyOnceItIsBack() {
        get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        try {
            stack.redis().orElseThrow().stop();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
            get("/q/health/live").then().statusCode(200);
        } finally {
            stack.redis().orElseThrow().start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
