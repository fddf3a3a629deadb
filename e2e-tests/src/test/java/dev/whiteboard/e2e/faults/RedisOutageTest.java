package dev.whiteboard.e2e.faults;

import dev.whiteboard.e2e.suite.RunningSuite;
import dev.whiteboard.stack.EmbeddedRedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stops: scoring goes on (an interview completed meanwhile turns FINAL, scored as without the
 * outage), keys seen recently keep working, and rate limiting behaves as decision 0003 and the access
 * filter have it: the pro tier fails open, the free tier fails closed with a 503 problem. When Redis is
 * back, keys work everywhere again without a restart.
 */
class RedisOutageTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void scoringGoesOnAndRateLimitsFailAsDocumented() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        EmbeddedRedisServer redis = suite.stack().redis().orElseThrow(
                () -> new IllegalStateException("this test stops the embedded Redis; unset WB_REDIS_URL"));
        SuiteHttp pro = new SuiteHttp(suite.newTenantKey("redis outage pro", "pro"));
        SuiteHttp free = new SuiteHttp(suite.newTenantKey("redis outage free", "free"));
        InterviewOutcomes outcomes = InterviewOutcomes.withControlInterview(suite, pro);
        UUID known = new ScriptedInterview(pro, suite.url(RunningSuite.SESSION)).create("redis-known");
        Map<String, String> probes = Map.of(
                RunningSuite.SESSION, suite.url(RunningSuite.SESSION) + "/sessions/" + known,
                RunningSuite.ESTIMATION, suite.url(RunningSuite.ESTIMATION) + "/reference/latency",
                RunningSuite.FEEDBACK, suite.url(RunningSuite.FEEDBACK) + "/feedback/" + known);
        // Each service resolves both keys once while Redis is up, as it would have in normal traffic.
        await("both keys work on every service").atMost(Duration.ofSeconds(30)).until(() ->
                probes.values().stream().allMatch(url -> pro.get(url).ok()));
        probes.forEach((service, url) -> assertThat(free.get(url).status()).as("free key on %s", service).isNotIn(401, 503));

        try {
            redis.stop();

            ScriptedInterview.Completed during = new ScriptedInterview(pro, suite.url(RunningSuite.SESSION))
                    .run("redis-outage", Duration.ZERO);
            probes.forEach((service, url) -> {
                SuiteHttp.Reply proReply = pro.get(url);
                assertThat(proReply.ok()).as("pro tier on %s fails open: %s", service, proReply).isTrue();
                SuiteHttp.Reply freeReply = free.get(url);
                assertThat(freeReply.status()).as("free tier on %s fails closed: %s", service, freeReply).isEqualTo(503);
                assertThat(freeReply.contentType()).startsWith("application/problem+json");
            });
            outcomes.assertEachExactlyOnceFinal(List.of(during), Duration.ofSeconds(60));
            assertThat(redis.running()).as("the report turned FINAL while Redis was still down").isFalse();
        } finally {
            redis.start();
        }
        await("keys work on every service again once Redis is back").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> probes.values().stream().allMatch(url -> pro.get(url).ok()));
        assertThat(free.get(probes.get(RunningSuite.ESTIMATION)).status()).as("free tier once Redis is back").isEqualTo(200);
    }
}
