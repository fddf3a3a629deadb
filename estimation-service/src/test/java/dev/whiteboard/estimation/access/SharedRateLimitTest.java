package dev.whiteboard.estimation.access;

import dev.whiteboard.api.access.RateLimiter;
import dev.whiteboard.api.access.RateLimiter.Decision;
import dev.whiteboard.api.access.RateLimiter.LimitClass;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batched path of the rate limiter (limits of 1000 a minute and more) against a real Redis: what one
 * replica counts reaches the shared counters, for many tenants at once, and what other replicas counted
 * there limits this one.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class SharedRateLimitTest {
    private static final long PRO_LIMIT = 6000;

    @Inject
    RateLimiter limiter;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void notAtTheEndOfAWindow() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 45) {
            Thread.sleep((61 - second) * 1000);
        }
    }

    @Test
    void countsOfManyTenantsAllReachTheSharedCounters() {
        int tenants = 700;
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int t = 0; t < tenants; t++) {
            for (int i = 0; i <= t % 3; i++) {
                Decision decision = limiter.check(run + "-" + t, "pro", LimitClass.STANDARD)
                        .await().atMost(Duration.ofSeconds(5));
                assertThat(decision.allowed()).isTrue();
                assertThat(decision.limit()).isEqualTo(PRO_LIMIT);
            }
        }
        long window = Instant.now().getEpochSecond() / 60;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int t = 0; t < tenants; t++) {
                String count = redis.value(String.class).get(counterKey(run + "-" + t, window));
                assertThat(count).as("shared counter of tenant %d", t).isEqualTo(String.valueOf(t % 3 + 1));
            }
        });
    }

    @Test
    void whatOtherReplicasCountedLimitsThisOne() {
        String tenant = "other-replicas-" + UUID.randomUUID();
        assertThat(limiter.check(tenant, "pro", LimitClass.STANDARD).await().atMost(Duration.ofSeconds(5)).allowed())
                .isTrue();
        long window = Instant.now().getEpochSecond() / 60;
        // the other replicas used all but one request of this window between them
        redis.value(Long.class).incrby(counterKey(tenant, window), PRO_LIMIT - 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> String.valueOf(PRO_LIMIT - 1).equals(redis.value(String.class).get(counterKey(tenant, window))));
        sleep(Duration.ofMillis(600)); // several flush intervals (100 ms in tests): the shared count is known here

        Decision last = limiter.check(tenant, "pro", LimitClass.STANDARD).await().atMost(Duration.ofSeconds(5));
        assertThat(last.allowed()).isTrue();
        assertThat(last.remaining()).isZero();
        Decision over = limiter.check(tenant, "pro", LimitClass.STANDARD).await().atMost(Duration.ofSeconds(5));
        assertThat(over.allowed()).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(redis.value(String.class).get(counterKey(tenant, window))).isEqualTo(String.valueOf(PRO_LIMIT)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String counterKey(String tenant, long window) {
        return "wb:rl:" + tenant + ":standard:" + window;
    }
}
