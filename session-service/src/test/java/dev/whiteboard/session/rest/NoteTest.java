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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class NoteTest {
    private static final String ESTIMATE = """
            {"phase": "capacity", "text": "100M users, one write each a day, reads 100x.",
             "estimate": {"inputs": {"dailyActiveUsers": 100000000, "writesPerUserPerDay": 1, "readsPerWrite": 100, "per": "day"},
                          "candidate": {"writeQps": 1000, "readQps": 100000}}}""";

    @Inject
    ApiKeyDirectory directory;

    Api api;
    String session;

    @BeforeEach
    void runningSession() {
        api = new Api(directory.registerForTests(Api.uniqueRef("notes"), "pro"));
        session = api.createSession(Api.uniqueRef("acc"));
        api.act(session, "start").then().statusCode(200);
    }

    @Test
    void notesAreAppendedAndReadBackInOrder() {
        Response first = api.note(session, "requirements", "Who uses it?");
        first.then().statusCode(201).body("phase", equalTo("requirements")).body("estimate", nullValue());
        String id = first.path("id");
        assertThat(first.header("Location")).endsWith("/sessions/" + session + "/notes/" + id);
        api.note(session, "requirements", "Reads dominate.").then().statusCode(201);

        api.request().get("/sessions/" + session + "/notes/" + id).then().statusCode(200).body("text", equalTo("Who uses it?"));
        api.request().get("/sessions/" + session + "/notes").then().statusCode(200)
                .body("items.text", equalTo(List.of("Who uses it?", "Reads dominate.")));
        api.get(session).then().body("noteCount", equalTo(2));
    }

    @Test
    void aNulCharacterIsRefusedByNameAndNothingIsStored() {
        api.request().body("{\"phase\": \"requirements\", \"text\": \"who\\u0000 uses it\"}")
                .post("/sessions/" + session + "/notes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        api.request().urlEncodingEnabled(false).get("/sessions/" + session + "/notes/%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("path"));
        api.request().get("/sessions/" + session + "/notes").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void acceptsAStructuredEstimateInTheCapacityPhase() {
        api.act(session, "advance");
        api.act(session, "advance").then().body("currentPhase", equalTo("capacity"));

        api.request().body(ESTIMATE).post("/sessions/" + session + "/notes").then().statusCode(201)
                .body("estimate.inputs.dailyActiveUsers", equalTo(100000000))
                .body("estimate.inputs.per", equalTo("DAY"))
                .body("estimate.candidate.writeQps", equalTo(1000));
    }

    @Test
    void refusesAnEstimateElsewhereOrInAnotherShape() {
        api.request().body(ESTIMATE.replace("\"phase\": \"capacity\"", "\"phase\": \"requirements\""))
                .post("/sessions/" + session + "/notes").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("estimate"));
        api.act(session, "advance");
        api.act(session, "advance");
        api.request().body(ESTIMATE.replace("dailyActiveUsers", "users"))
                .post("/sessions/" + session + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("estimate.inputs.users"));
        api.request().body(ESTIMATE.replace("\"writeQps\": 1000", "\"writeQps\": \"lots\""))
                .post("/sessions/" + session + "/notes").then().statusCode(400)
                .body("errors[0].field", equalTo("estimate.candidate.writeQps"));
        api.request().get("/sessions/" + session + "/notes").then().body("items.size()", equalTo(0));
    }

    @Test
    void enforcesSizeLimitsWithAClearProblem() {
        api.note(session, "requirements", "x".repeat(10_001)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"))
                .body("detail", equalTo("text: a note has at most 10000 characters; this one has 10001"));
        api.note(session, "requirements", "x".repeat(10_000)).then().statusCode(201);
        for (int i = 1; i < 20; i++) {
            api.note(session, "requirements", "note " + i).then().statusCode(201);
        }
        api.note(session, "requirements", "one too many").then().statusCode(409)
                .body("detail", equalTo("the session already has the most notes it can take (20)"));
    }

    @Test
    void refusesNotesThatDoNotFitTheSession() {
        api.note(session, "no-such-phase", "x").then().statusCode(400).body("errors[0].field", equalTo("phase"));
        api.note(session, "deep-dive", "x").then().statusCode(409);
        api.request().body("{\"phase\":\"requirements\"}").post("/sessions/" + session + "/notes")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        api.request().body("{\"text\":\"t\"}").post("/sessions/" + session + "/notes")
                .then().statusCode(400).body("errors[0].field", equalTo("phase"));
        String fresh = api.createSession(Api.uniqueRef("acc"));
        api.note(fresh, "requirements", "too early").then().statusCode(409);
        api.act(session, "complete");
        api.note(session, "requirements", "too late").then().statusCode(409);
    }
}
