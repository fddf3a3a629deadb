package dev.whiteboard.feedback.it;

import com.sun.net.httpserver.HttpServer;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.feedback.support.EventProducer;
import dev.whiteboard.feedback.support.FakeServicesResource;
import dev.whiteboard.feedback.support.FeedbackApi;
import dev.whiteboard.feedback.support.Interview;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
@QuarkusTestResource(FakeServicesResource.class)
class WebhookTests {

    @Inject
    ApiKeyDirectory directory;

    /** What the receiver got: headers and the raw body. */
    record Received(String signature, String delivery, String event, String body) {
    }

    @Test
    void firstSettingsSentAtOnceAllSucceedAndOneOfThemIsStored() throws Exception {
        String key = directory.registerForTests("tenant-" + UUID.randomUUID(), "pro");
        int writers = 8;
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            urls.add("http://127.0.0.1:9/hooks/" + i);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String url : urls) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().header("X-API-Key", key).contentType(ContentType.JSON)
                            .body(Map.of("url", url, "secret", "whsec_" + UUID.randomUUID()))
                            .put("/webhooks").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        String stored = given().header("X-API-Key", key).get("/webhooks")
                .then().statusCode(200).extract().path("url");
        assertThat(urls).contains(stored);

        String replaced = "http://127.0.0.1:9/hooks/replaced";
        given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("url", replaced, "secret", "whsec_" + UUID.randomUUID()))
                .put("/webhooks").then().statusCode(200).body("url", equalTo(replaced));
        given().header("X-API-Key", key).get("/webhooks").then().statusCode(200).body("url", equalTo(replaced));
    }

    @Test
    void aFinalReportReachesTheReceiverSignedAfterTwoFailedAttempts() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String secret = "whsec_" + UUID.randomUUID();
        FeedbackApi api = new FeedbackApi(directory.registerForTests(tenant, "pro"));
        Map<String, AtomicInteger> callsPerDelivery = new ConcurrentHashMap<>();
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestHeaders().getFirst("Whiteboard-Signature"),
                        exchange.getRequestHeaders().getFirst("Whiteboard-Delivery"),
                        exchange.getRequestHeaders().getFirst("Whiteboard-Event"), body));
                int call = callsPerDelivery.computeIfAbsent(received.get(received.size() - 1).delivery(),
                        d -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(call <= 2 ? 500 : 204, -1);
            }
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            given().header("X-API-Key", api.key()).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "secret", secret))
                    .put("/webhooks")
                    .then().statusCode(200).body("url", equalTo(url)).body("secretConfigured", equalTo(true))
                    .body(not(containsString(secret)));

            Interview interview = Interview.newsFeed(tenant, "acc-hook", 10_000);
            try (EventProducer producer = new EventProducer()) {
                producer.send(interview.sessionId().toString(), interview.events());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> finalAttempts(received).size() >= 3);

            List<Received> attempts = finalAttempts(received);
            Received delivered = attempts.get(2);
            assertThat(attempts).allSatisfy(a -> assertThat(verify(secret, a.signature(), a.body())).isTrue());
            assertThat(verify("not-the-secret-at-all", delivered.signature(), delivered.body())).isFalse();
            assertThat(attempts).extracting(Received::delivery).containsOnly(delivered.delivery());
            JsonPath body = new JsonPath(delivered.body());
            assertThat(body.getString("event")).isEqualTo("report.final");
            assertThat(body.getString("sessionId")).isEqualTo(interview.sessionId().toString());
            assertThat(body.getString("report.status")).isEqualTo("FINAL");
            assertThat(body.getString("report.sessionId")).isEqualTo(interview.sessionId().toString());

            await().atMost(Duration.ofSeconds(30)).until(() -> given().header("X-API-Key", api.key())
                    .get("/webhooks/deliveries?sessionId=" + interview.sessionId()).jsonPath()
                    .<Map<String, Object>>getList("deliveries").stream()
                    .anyMatch(d -> d.get("event").equals("report.final") && d.get("status").equals("DELIVERED")));
            JsonPath deliveries = given().header("X-API-Key", api.key())
                    .get("/webhooks/deliveries?sessionId=" + interview.sessionId())
                    .then().statusCode(200).body(not(containsString(secret))).extract().jsonPath();
            Map<String, Object> finalDelivery = deliveries.<Map<String, Object>>getList("deliveries").stream()
                    .filter(d -> d.get("event").equals("report.final")).findFirst().orElseThrow();
            assertThat(finalDelivery.get("deliveryId")).isEqualTo(delivered.delivery());
            assertThat(finalDelivery.get("attempts")).isEqualTo(3);
            assertThat(finalDelivery.get("status")).isEqualTo("DELIVERED");
            List<Map<String, Object>> log = castList(finalDelivery.get("attemptLog"));
            assertThat(log).extracting(a -> a.get("statusCode")).containsExactly(500, 500, 204);

            String otherKey = directory.registerForTests("tenant-" + UUID.randomUUID(), "pro");
            given().header("X-API-Key", otherKey).get("/webhooks/deliveries")
                    .then().statusCode(200).body("deliveries.size()", equalTo(0));
            given().header("X-API-Key", otherKey).get("/webhooks").then().statusCode(404);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void badUrlsAndSecretsAreRefusedNamingTheField() {
        String key = directory.registerForTests("tenant-" + UUID.randomUUID(), "pro");
        String secret = "a-long-enough-secret-value";
        for (String url : List.of("ftp://example.com/x", "not a url", "/relative/path", "https://user:pw@example.com/x",
                "https://example.com/x#fragment")) {
            given().header("X-API-Key", key).contentType(ContentType.JSON).body(Map.of("url", url, "secret", secret))
                    .put("/webhooks")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"))
                    .body(not(containsString(secret)));
        }
        given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.com/hooks", "secret", "short"))
                .put("/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("secret")).body(not(containsString("short\"")));
        given().header("X-API-Key", key).contentType(ContentType.JSON).body("{\"url\":")
                .put("/webhooks").then().statusCode(400).contentType("application/problem+json");
        given().header("X-API-Key", key).get("/webhooks/deliveries?limit=0")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("X-API-Key", key).get("/webhooks/deliveries?sessionId=nope")
                .then().statusCode(400).body("errors[0].field", equalTo("sessionId"));
    }

    private static List<Received> finalAttempts(List<Received> received) {
        return received.stream().filter(r -> "report.final".equals(r.event())).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object value) {
        return (List<T>) value;
    }

    /** A receiver's check, written from the documentation: HMAC-SHA256 over "t.body", hex, and a fresh t. */
    static boolean verify(String secret, String header, String body) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }
}
