package dev.whiteboard.session.rest;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.session.support.Api;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class IdempotencyTest {

    @Inject
    ApiKeyDirectory directory;

    Api api;

    @BeforeEach
    void tenant() {
        api = new Api(directory.registerForTests(Api.uniqueRef("idempotency"), "pro"));
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aRetriedCreateReturnsTheFirstResponseAndMakesNoSecondSession() {
        String candidate = Api.uniqueRef("acc");
        String body = "{\"question\":\"Design a chat\",\"candidateRef\":\"" + candidate + "\"}";
        String key = key();

        Response first = api.request().header("Idempotency-Key", key).body(body).post("/sessions");
        Response retry = api.request().header("Idempotency-Key", key).body(body).post("/sessions");

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        api.request().queryParam("candidateRef", candidate).get("/sessions")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndChangesNothing() {
        String candidate = Api.uniqueRef("acc");
        String key = key();
        api.request().header("Idempotency-Key", key)
                .body("{\"question\":\"Design a chat\",\"candidateRef\":\"" + candidate + "\"}")
                .post("/sessions").then().statusCode(201);

        api.request().header("Idempotency-Key", key)
                .body("{\"question\":\"Other\",\"candidateRef\":\"" + candidate + "\"}")
                .post("/sessions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        String id = api.createSession(candidate);
        api.request().header("Idempotency-Key", key).post("/sessions/" + id + "/start").then().statusCode(422);
        api.request().queryParam("candidateRef", candidate).get("/sessions")
                .then().body("items.size()", equalTo(2));
        api.get(id).then().body("status", equalTo("CREATED"));
    }

    @Test
    void theBodyIsComparedByContentNotBySpelling() {
        String candidate = Api.uniqueRef("acc");
        String key = key();
        Response first = api.request().header("Idempotency-Key", key)
                .body("{\"question\":\"Design a chat\",\"candidateRef\":\"" + candidate + "\"}").post("/sessions");

        Response retry = api.request().header("Idempotency-Key", key)
                .body("{ \"candidateRef\" : \"" + candidate + "\",\n \"question\":\"Design a chat\" }").post("/sessions");

        retry.then().statusCode(201);
        assertThat(retry.path("id").toString()).isEqualTo(first.path("id").toString());
    }

    @Test
    void aRetriedMoveIsAppliedOnce() {
        String id = api.createSession(Api.uniqueRef("acc"));
        api.act(id, "start").then().statusCode(200);
        String key = key();

        Response first = api.request().header("Idempotency-Key", key).post("/sessions/" + id + "/advance");
        Response retry = api.request().header("Idempotency-Key", key).post("/sessions/" + id + "/advance");

        first.then().statusCode(200).body("currentPhase", equalTo("functional-nonfunctional"));
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        api.get(id).then().body("currentPhase", equalTo("functional-nonfunctional"))
                .body("revision", equalTo(first.path("revision")));
    }

    @Test
    void aRetriedNoteIsWrittenOnce() {
        String id = api.createSession(Api.uniqueRef("acc"));
        api.act(id, "start");
        String key = key();
        String body = "{\"phase\":\"requirements\",\"text\":\"Who uses it?\"}";

        Response first = api.request().header("Idempotency-Key", key).body(body).post("/sessions/" + id + "/notes");
        Response retry = api.request().header("Idempotency-Key", key).body(body).post("/sessions/" + id + "/notes");

        first.then().statusCode(201);
        retry.then().statusCode(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        api.request().get("/sessions/" + id + "/notes").then().body("items.size()", equalTo(1));
    }

    @Test
    void aFailedWriteStoresNothingSoItsRetryRunsAgain() {
        String id = api.createSession(Api.uniqueRef("acc"));
        String key = key();
        api.request().header("Idempotency-Key", key).post("/sessions/" + id + "/pause").then().statusCode(409);
        api.act(id, "start").then().statusCode(200);

        api.request().header("Idempotency-Key", key).post("/sessions/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED"));
    }

    @Test
    void keysBelongToTheirTenant() {
        Api other = new Api(directory.registerForTests(Api.uniqueRef("idempotency-other"), "pro"));
        String key = key();
        String body = "{\"question\":\"Design a chat\",\"candidateRef\":\"acc-shared\"}";

        String mine = api.request().header("Idempotency-Key", key).body(body).post("/sessions")
                .then().statusCode(201).extract().path("id");
        String theirs = other.request().header("Idempotency-Key", key).body(body).post("/sessions")
                .then().statusCode(201).extract().path("id");

        assertThat(theirs).isNotEqualTo(mine);
        other.get(mine).then().statusCode(404);
    }

    @Test
    void concurrentRetriesMakeOneSession() {
        String candidate = Api.uniqueRef("acc");
        String key = key();
        String body = "{\"question\":\"Design a chat\",\"candidateRef\":\"" + candidate + "\"}";

        List<CompletableFuture<Response>> calls = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        api.request().header("Idempotency-Key", key).body(body).post("/sessions")))
                .toList();

        List<String> ids = calls.stream().map(CompletableFuture::join)
                .peek(r -> r.then().statusCode(201))
                .map(r -> r.path("id").toString()).distinct().toList();
        assertThat(ids).hasSize(1);
        api.request().queryParam("candidateRef", candidate).get("/sessions").then().body("items.size()", equalTo(1));
    }

    @Test
    void aRetriedTemplatePublicationMakesOneVersion() {
        String key = key();
        String body = TemplateTest.TWO_PHASES;
        Response first = api.request().header("Idempotency-Key", key).body(body).post("/templates");
        Response retry = api.request().header("Idempotency-Key", key).body(body).post("/templates");

        first.then().statusCode(201);
        retry.then().statusCode(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        String id = first.path("id");
        api.request().get("/templates/" + id).then().body("version", equalTo(1));
    }
}
