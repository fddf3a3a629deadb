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
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Another tenant's session, note or template answers exactly like one that does not exist. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class TenantIsolationTest {

    @Inject
    ApiKeyDirectory directory;

    Api owner;
    Api stranger;
    String candidate;
    String session;
    String note;

    @BeforeEach
    void twoTenants() {
        owner = new Api(directory.registerForTests(Api.uniqueRef("owner"), "pro"));
        stranger = new Api(directory.registerForTests(Api.uniqueRef("stranger"), "pro"));
        candidate = Api.uniqueRef("acc-shared");
        session = owner.createSession(candidate);
        owner.act(session, "start").then().statusCode(200);
        note = owner.note(session, "requirements", "mine").then().statusCode(201).extract().path("id");
    }

    @Test
    void everySessionEndpointAnswersAsIfTheSessionDidNotExist() {
        String missing = UUID.randomUUID().toString();
        List<Function<String, Response>> calls = List.of(
                id -> stranger.get(id),
                id -> stranger.act(id, "start"),
                id -> stranger.act(id, "advance"),
                id -> stranger.act(id, "pause"),
                id -> stranger.act(id, "resume"),
                id -> stranger.act(id, "complete"),
                id -> stranger.act(id, "abandon"),
                id -> stranger.note(id, "requirements", "theirs"),
                id -> stranger.request().get("/sessions/" + id + "/notes"),
                id -> stranger.request().get("/sessions/" + id + "/notes/" + note),
                id -> stranger.request().get("/sessions/" + id + "/stream"));
        for (Function<String, Response> call : calls) {
            Response foreign = call.apply(session);
            Response absent = call.apply(missing);
            foreign.then().statusCode(404).contentType("application/problem+json");
            absent.then().statusCode(404);
            assertThat(foreign.asString().replace(session, "ID")).isEqualTo(absent.asString().replace(missing, "ID"));
        }
        owner.get(session).then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("noteCount", equalTo(1));
    }

    @Test
    void listsNeverShowAnotherTenantsSessions() {
        stranger.createSession(candidate);

        stranger.request().queryParam("candidateRef", candidate).get("/sessions")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items.id", not(hasItem(session)));
        stranger.request().queryParam("status", "IN_PROGRESS").queryParam("limit", 100).get("/sessions")
                .then().body("items.id", not(hasItem(session)));
        owner.request().queryParam("candidateRef", candidate).get("/sessions")
                .then().body("items.size()", equalTo(1)).body("items[0].id", equalTo(session));
    }

    @Test
    void anotherTenantsTemplateIsNotThereForAnyUse() {
        String template = owner.request().body(TemplateTest.TWO_PHASES).post("/templates")
                .then().statusCode(201).extract().path("id");
        String missing = UUID.randomUUID().toString();

        Response foreign = stranger.request().get("/templates/" + template);
        Response absent = stranger.request().get("/templates/" + missing);
        foreign.then().statusCode(404);
        assertThat(foreign.asString().replace(template, "ID")).isEqualTo(absent.asString().replace(missing, "ID"));
        stranger.request().queryParam("version", 1).get("/templates/" + template).then().statusCode(404);
        stranger.request().get("/templates").then().body("items.id", not(hasItem(template)));

        Response republish = stranger.request().body(TemplateTest.TWO_PHASES.replace("{\"name\"", "{\"id\": \"" + template + "\", \"name\""))
                .post("/templates");
        Response publishMissing = stranger.request().body(TemplateTest.TWO_PHASES.replace("{\"name\"", "{\"id\": \"" + missing + "\", \"name\""))
                .post("/templates");
        republish.then().statusCode(400);
        assertThat(republish.asString().replace(template, "ID")).isEqualTo(publishMissing.asString().replace(missing, "ID"));

        Response useForeign = stranger.request()
                .body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateId\":\"" + template + "\"}").post("/sessions");
        Response useMissing = stranger.request()
                .body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateId\":\"" + missing + "\"}").post("/sessions");
        useForeign.then().statusCode(400);
        assertThat(useForeign.asString().replace(template, "ID")).isEqualTo(useMissing.asString().replace(missing, "ID"));
        owner.request().get("/templates/" + template).then().statusCode(200).body("version", equalTo(1));
    }
}
