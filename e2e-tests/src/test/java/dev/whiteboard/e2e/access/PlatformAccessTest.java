package dev.whiteboard.e2e.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiteboard.e2e.suite.Http;
import dev.whiteboard.e2e.suite.RunningSuite;
import dev.whiteboard.e2e.suite.ServiceProcess;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.whiteboard.e2e.suite.RunningSuite.ESTIMATION;
import static dev.whiteboard.e2e.suite.RunningSuite.FEEDBACK;
import static dev.whiteboard.e2e.suite.RunningSuite.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 6 on the running services: keys, revocation, isolation between tenants, shared rate limits. */
@Order(10)
class PlatformAccessTest {
    private static final String ESTIMATE = "{\"writes\":100000000,\"per\":\"DAY\",\"readsPerWrite\":10,"
            + "\"writeSizeBytes\":1000,\"readSizeBytes\":1000}";

    private final RunningSuite suite = RunningSuite.shared();

    private Map<String, String> probes() {
        return Map.of(
                SESSION, suite.url(SESSION) + "/templates",
                ESTIMATION, suite.url(ESTIMATION) + "/reference/powers-of-two",
                FEEDBACK, suite.url(FEEDBACK) + "/webhooks/deliveries");
    }

    @Test
    void everyServiceRefusesMissingUnknownAndRevokedKeys() {
        RunningSuite.TenantKey tenant = suite.newTenant("Revoked Prep", "pro");
        for (Map.Entry<String, String> probe : probes().entrySet()) {
            Http.Reply none = Http.get(probe.getValue(), null);
            assertThat(none.status()).as(probe.getKey() + " without a key").isEqualTo(401);
            assertThat(none.header("Content-Type")).startsWith("application/problem+json");
            Http.Reply unknown = Http.get(probe.getValue(), "wb_000000000000_" + "A".repeat(43));
            assertThat(unknown.status()).as(probe.getKey() + " with an unknown key").isEqualTo(401);
            assertThat(Http.get(probe.getValue(), tenant.apiKey()).status()).as(probe.getKey() + " with a valid key")
                    .isEqualTo(200);
        }

        Instant revokedAt = Instant.now();
        suite.revoke(tenant);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, String> probe : probes().entrySet()) {
                assertThat(Http.get(probe.getValue(), tenant.apiKey()).status())
                        .as(probe.getKey() + " after revocation").isEqualTo(401);
            }
        });
        System.out.printf("revoked key refused by all three services %d ms after revocation%n",
                Duration.between(revokedAt, Instant.now()).toMillis());
    }

    @Test
    void anotherTenantsObjectsAnswer404ExactlyLikeMissingOnes() {
        String a = suite.newTenantKey("Tenant A", "pro");
        String b = suite.newTenantKey("Tenant B", "pro");
        String candidate = "iso-" + UUID.randomUUID();

        JsonNode session = Http.post(suite.url(SESSION) + "/sessions", a,
                "{\"question\":\"Design a URL shortener\",\"candidateRef\":\"" + candidate + "\"}").json();
        String sessionId = session.get("id").asText();
        assertThat(Http.post(suite.url(SESSION) + "/sessions/" + sessionId + "/start", a, null).status()).isEqualTo(200);
        assertThat(Http.post(suite.url(SESSION) + "/sessions/" + sessionId + "/notes", a,
                "{\"phase\":\"requirements\",\"text\":\"Users shorten links; reads dominate writes 100:1.\"}").status())
                .isEqualTo(201);
        Http.Reply template = Http.post(suite.url(SESSION) + "/templates", a, customTemplate());
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        String templateId = template.json().get("id").asText();
        assertThat(Http.put(suite.url(FEEDBACK) + "/webhooks", a,
                "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"tenant-a-webhook-secret-0123456789\"}").status())
                .isBetween(200, 204);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(suite.url(FEEDBACK) + "/feedback/" + sessionId, a).status() == 200);

        String missingSession = UUID.randomUUID().toString();
        List<String[]> pairs = List.of(
                new String[] {"GET", suite.url(SESSION) + "/sessions/" + sessionId, suite.url(SESSION) + "/sessions/" + missingSession},
                new String[] {"POST", suite.url(SESSION) + "/sessions/" + sessionId + "/pause", suite.url(SESSION) + "/sessions/" + missingSession + "/pause"},
                new String[] {"NOTE", suite.url(SESSION) + "/sessions/" + sessionId + "/notes", suite.url(SESSION) + "/sessions/" + missingSession + "/notes"},
                new String[] {"GET", suite.url(SESSION) + "/templates/" + templateId, suite.url(SESSION) + "/templates/" + UUID.randomUUID()},
                new String[] {"GET", suite.url(FEEDBACK) + "/feedback/" + sessionId, suite.url(FEEDBACK) + "/feedback/" + missingSession});
        for (String[] pair : pairs) {
            Http.Reply foreign = call(pair[0], pair[1], b);
            Http.Reply missing = call(pair[0], pair[2], b);
            assertThat(foreign.status()).as("tenant B on " + pair[1]).isEqualTo(404);
            assertThat(missing.status()).as("missing " + pair[2]).isEqualTo(404);
            assertThat(foreign.json().get("title")).isEqualTo(missing.json().get("title"));
            assertThat(foreign.json().path("detail").asText().replace(sessionId, "ID").replace(templateId, "ID"))
                    .isEqualTo(missing.json().path("detail").asText()
                            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"));
        }
        assertThat(Http.get(suite.url(SESSION) + "/sessions?candidateRef=" + candidate, b).body()).doesNotContain(sessionId);
        assertThat(Http.get(suite.url(SESSION) + "/templates", b).body()).doesNotContain(templateId);
        assertThat(Http.get(suite.url(SESSION) + "/templates", a).body()).contains(templateId);
        Http.Reply progress = Http.get(suite.url(FEEDBACK) + "/candidates/" + candidate + "/progress", b);
        assertThat(progress.status() == 404 || !progress.body().contains(sessionId)).as(progress.body()).isTrue();
        assertThat(Http.get(suite.url(FEEDBACK) + "/webhooks/deliveries", b).body()).doesNotContain("127.0.0.1:9");
    }

    @Test
    void aTenantAtItsLimitGets429WithHeadersWhileAnotherIsUnaffectedAcrossTwoInstances() {
        String a = suite.newTenantKey("Free A", "free");
        String b = suite.newTenantKey("Free B", "free");
        ServiceProcess second = suite.startExtraInstance(ESTIMATION);
        String[] instances = {suite.url(ESTIMATION), second.url()};
        awaitFreshWindow();

        int limit = 60;
        for (int i = 0; i < limit; i++) {
            Http.Reply reply = Http.post(instances[i % 2] + "/estimates", a, ESTIMATE);
            assertThat(reply.status()).as("request %d of %d", i + 1, limit).isEqualTo(200);
            assertThat(reply.header("RateLimit")).contains("r=" + (limit - i - 1));
        }
        for (String instance : instances) {
            Http.Reply limited = Http.post(instance + "/estimates", a, ESTIMATE);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
            assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"free-standard\";q=60;w=60");
            assertThat(limited.header("RateLimit")).startsWith("\"free-standard\";r=0;t=");
        }
        assertThat(Http.post(second.url() + "/estimates", b, ESTIMATE).status()).isEqualTo(200);
        assertThat(Http.post(suite.url(ESTIMATION) + "/estimates", b, ESTIMATE).status()).isEqualTo(200);
        second.stop();
    }

    @Test
    void batchEstimatesHaveTheirOwnStricterLimit() {
        String a = suite.newTenantKey("Free batcher", "free");
        awaitFreshWindow();
        String batch = "[" + ESTIMATE + "," + ESTIMATE + "]";
        for (int i = 0; i < 5; i++) {
            assertThat(Http.post(suite.url(ESTIMATION) + "/estimates/batch", a, batch).status()).isEqualTo(200);
        }
        Http.Reply limited = Http.post(suite.url(ESTIMATION) + "/estimates/batch", a, batch);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"free-expensive\";q=5;w=60");
        assertThat(Http.post(suite.url(ESTIMATION) + "/estimates", a, ESTIMATE).status()).isEqualTo(200);
    }

    private static Http.Reply call(String method, String url, String key) {
        return switch (method) {
            case "GET" -> Http.get(url, key);
            case "NOTE" -> Http.post(url, key, "{\"phase\":\"requirements\",\"text\":\"probe\"}");
            default -> Http.post(url, key, null);
        };
    }

    /** Counts live in one-minute windows: start where a whole test fits in one. */
    private static void awaitFreshWindow() {
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 40) {
            try {
                Thread.sleep((60 - second) * 1000 + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String customTemplate() {
        return """
                {"name":"Tenant A's short loop","phases":[
                  {"key":"requirements","title":"Requirements","order":1,"minMinutes":2,"maxMinutes":4,
                   "checklist":[{"key":"users","prompt":"Who uses it?","hint":"Say who the users are.","cues":["users","customers"]}]},
                  {"key":"design","title":"Design","order":2,"minMinutes":10,"maxMinutes":20,
                   "checklist":[{"key":"cache","prompt":"Where do you cache?","hint":"Name a cache.","cues":["cache"]}]}]}""";
    }
}
