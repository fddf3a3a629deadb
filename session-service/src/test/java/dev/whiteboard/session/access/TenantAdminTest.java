package dev.whiteboard.session.access;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.api.access.ApiKeys;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class TenantAdminTest {
    static final String OPERATOR = "test-only-operator-secret";

    @Inject
    ApiKeyDirectory directory;
    @Inject
    Pool pool;
    @Inject
    RedisDataSource redis;
    @Inject
    KeyMirror mirror;

    @Test
    void theAdminApiNeedsTheOperatorSecret() {
        given().get("/admin/tenants").then().statusCode(401).contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Operator-Secret"));
        given().header("X-Operator-Secret", "wrong").get("/admin/tenants").then().statusCode(401)
                .body(not(containsString(OPERATOR)));
        String key = directory.registerForTests("tenant-admin-probe", "pro");
        given().header("X-API-Key", key).get("/admin/tenants").then().statusCode(401);
        given().header("X-Operator-Secret", OPERATOR).get("/admin/tenants").then().statusCode(200);
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndWorksUntilRevoked() {
        String tenantId = createTenant("Acme Prep", "pro");
        ExtractableResponse<Response> issued = operator().post("/admin/tenants/" + tenantId + "/keys")
                .then().statusCode(201).header("Location", containsString(tenantId))
                .body("apiKey", matchesPattern("wb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")).extract();
        String key = issued.path("apiKey");
        String keyId = issued.path("keyId");

        operator().get("/admin/tenants/" + tenantId + "/keys").then().statusCode(200)
                .body("keyId", hasItem(keyId)).body(not(containsString(key.substring(16))));
        String stored = pool.preparedQuery("SELECT key_hash FROM api_key WHERE key_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(keyId)).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getString("key_hash");
        assertThat(stored).isNotEqualTo(key).doesNotContain(key.substring(16)).hasSize(64);

        given().header("X-API-Key", key).get("/templates").then().statusCode(200);

        operator().delete("/admin/tenants/" + tenantId + "/keys/" + keyId).then().statusCode(204);
        given().header("X-API-Key", key).get("/templates").then().statusCode(401)
                .contentType("application/problem+json").body(not(containsString(key)));
    }

    @Test
    void rotationLetsOldAndNewKeysOverlapThenTheOldOneExpires() {
        String tenantId = createTenant("Rotating Prep", "pro");
        String oldKey = issueKey(tenantId);
        String oldKeyId = ApiKeys.keyId(oldKey);

        String newKey = operator().body("{\"overlapSeconds\":3600}")
                .post("/admin/tenants/" + tenantId + "/keys/" + oldKeyId + "/rotate")
                .then().statusCode(201).extract().path("apiKey");
        assertThat(newKey).isNotEqualTo(oldKey);
        given().header("X-API-Key", oldKey).get("/templates").then().statusCode(200);
        given().header("X-API-Key", newKey).get("/templates").then().statusCode(200);
        operator().get("/admin/tenants/" + tenantId + "/keys").then().statusCode(200)
                .body("find { it.keyId == '" + oldKeyId + "' }.expiresAt", notNullValue());

        String newestKey = operator().body("{\"overlapSeconds\":0}")
                .post("/admin/tenants/" + tenantId + "/keys/" + ApiKeys.keyId(newKey) + "/rotate")
                .then().statusCode(201).extract().path("apiKey");
        given().header("X-API-Key", newKey).get("/templates").then().statusCode(401);
        given().header("X-API-Key", newestKey).get("/templates").then().statusCode(200);
    }

    @Test
    void theMirrorRepublishesKeysThatRedisLost() {
        String tenantId = createTenant("Forgetful Redis", "pro");
        String key = issueKey(tenantId);
        redis.key().del("wb:apikey:" + directory.hashOf(key));
        directory.clearLocalCache();
        given().header("X-API-Key", key).get("/templates").then().statusCode(401);

        mirror.republishAll();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            directory.clearLocalCache();
            given().header("X-API-Key", key).get("/templates").then().statusCode(200);
        });
    }

    @Test
    void badInputNamesTheField() {
        operator().body("{\"name\":\"X\",\"tier\":\"platinum\"}").post("/admin/tenants")
                .then().statusCode(400).body("errors[0].field", equalTo("tier"));
        operator().body("{\"tier\":\"pro\"}").post("/admin/tenants")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        operator().get("/admin/tenants/t_000000000000").then().statusCode(404);
        String tenantId = createTenant("Overlap", "pro");
        String keyId = ApiKeys.keyId(issueKey(tenantId));
        operator().body("{\"overlapSeconds\":-5}").post("/admin/tenants/" + tenantId + "/keys/" + keyId + "/rotate")
                .then().statusCode(400).body("errors[0].field", equalTo("overlapSeconds"));
    }

    static io.restassured.specification.RequestSpecification operator() {
        return given().header("X-Operator-Secret", OPERATOR).contentType("application/json");
    }

    static String createTenant(String name, String tier) {
        return operator().body("{\"name\":\"" + name + "\",\"tier\":\"" + tier + "\"}").post("/admin/tenants")
                .then().statusCode(201).body("tier", equalTo(tier)).extract().path("id");
    }

    static String issueKey(String tenantId) {
        return operator().post("/admin/tenants/" + tenantId + "/keys").then().statusCode(201).extract().path("apiKey");
    }
}
