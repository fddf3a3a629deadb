package dev.whiteboard.session.rest;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.session.support.Api;
import dev.whiteboard.session.support.ShippedDefaultTemplate;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class SessionLifecycleTest {
    private static final List<String> PHASES = List.of("requirements", "functional-nonfunctional", "capacity",
            "high-level-design", "data-model", "deep-dive");

    @Inject
    ApiKeyDirectory directory;

    Api api;

    @BeforeEach
    void tenant() {
        api = new Api(directory.registerForTests(Api.uniqueRef("lifecycle"), "pro"));
    }

    @Test
    void walksAllSixPhasesWithTimingAndETags() {
        Response created = api.request()
                .body("{\"question\":\"Design a URL shortener\",\"candidateRef\":\"acc-1\"}")
                .post("/sessions");
        created.then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("status", equalTo("CREATED"))
                .body("templateId", equalTo("default"))
                .body("templateVersion", equalTo(ShippedDefaultTemplate.version()))
                .body("phases.key", equalTo(PHASES))
                .body("phases.progress", equalTo(List.of("PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING")));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/sessions/" + id);

        String etag = api.act(id, "start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("currentPhase", equalTo("requirements"))
                .body("phases[0].progress", equalTo("RUNNING"))
                .extract().header("ETag");
        api.note(id, "requirements", "Users shorten links; reads dominate writes 100:1.").then().statusCode(201);
        assertThat(api.get(id).header("ETag")).isNotEqualTo(etag);
        etag = api.get(id).header("ETag");
        for (int i = 1; i < PHASES.size(); i++) {
            etag = api.request().header("If-Match", etag).post("/sessions/" + id + "/advance")
                    .then().statusCode(200)
                    .body("currentPhase", equalTo(PHASES.get(i)))
                    .body("phases[" + (i - 1) + "].progress", equalTo("ENDED"))
                    .body("phases[" + i + "].progress", equalTo("RUNNING"))
                    .extract().header("ETag");
        }
        api.act(id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED"));

        Response finished = api.get(id);
        finished.then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("noteCount", equalTo(1))
                .body("endedAt", org.hamcrest.Matchers.notNullValue())
                .body("phases.progress", equalTo(List.of("ENDED", "ENDED", "ENDED", "ENDED", "ENDED", "ENDED")));
        List<Map<String, Object>> phases = finished.path("phases");
        for (Map<String, Object> phase : phases) {
            assertThat(phase).containsKeys("startedAt", "endedAt", "elapsedSeconds", "minMinutes", "maxMinutes");
            assertThat(phase.get("budgetStatus")).isEqualTo("UNDER");
        }
        // created, started, phase.started, note, 5 x (completed + started), last phase.completed, session.completed
        assertThat((Integer) finished.path("lastSequence")).isEqualTo(1 + 2 + 1 + 10 + 2);
        assertThat(finished.header("ETag")).isEqualTo("\"" + finished.path("revision") + "\"");
    }

    @Test
    void pausesAndResumesAndCompletesFromAPause() {
        String id = api.createSession("acc-pause");
        api.act(id, "start").then().statusCode(200);
        api.act(id, "pause").then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("currentPhase", equalTo("requirements"));
        api.act(id, "resume").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        api.act(id, "pause").then().statusCode(200);
        api.act(id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("phases[0].progress", equalTo("ENDED"))
                .body("phases[1].progress", equalTo("PENDING"))
                .body("phases[1].budgetStatus", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void abandonsFromEveryUnfinishedStatus() {
        String created = api.createSession("acc-abandon");
        api.act(created, "abandon").then().statusCode(200).body("status", equalTo("ABANDONED"));
        String running = api.createSession("acc-abandon");
        api.act(running, "start");
        api.act(running, "abandon").then().statusCode(200).body("status", equalTo("ABANDONED"))
                .body("phases[0].progress", equalTo("ENDED"));
        String paused = api.createSession("acc-abandon");
        api.act(paused, "start");
        api.act(paused, "pause");
        api.act(paused, "abandon").then().statusCode(200).body("status", equalTo("ABANDONED"));
    }

    @Test
    void refusesEveryMoveTheStatusDoesNotAllowWith409() {
        String id = api.createSession("acc-409");
        for (String move : List.of("advance", "pause", "resume", "complete")) {
            conflict(api.act(id, move), "CREATED");
        }
        api.act(id, "start").then().statusCode(200);
        for (String move : List.of("start", "resume")) {
            conflict(api.act(id, move), "IN_PROGRESS");
        }
        api.act(id, "pause").then().statusCode(200);
        for (String move : List.of("start", "advance", "pause")) {
            conflict(api.act(id, move), "PAUSED");
        }
        api.act(id, "resume").then().statusCode(200);
        for (int i = 1; i < PHASES.size(); i++) {
            api.act(id, "advance").then().statusCode(200);
        }
        api.act(id, "advance").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", startsWith("'deep-dive' is the last phase"));
        api.act(id, "complete").then().statusCode(200);
        for (String move : List.of("start", "advance", "pause", "resume", "complete", "abandon")) {
            conflict(api.act(id, move), "COMPLETED");
        }
        String abandoned = api.createSession("acc-409");
        api.act(abandoned, "abandon").then().statusCode(200);
        for (String move : List.of("start", "advance", "pause", "resume", "complete", "abandon")) {
            conflict(api.act(abandoned, move), "ABANDONED");
        }
    }

    @Test
    void aRefusedMoveChangesNothing() {
        String id = api.createSession("acc-409");
        Response before = api.get(id);
        api.act(id, "advance").then().statusCode(409);
        api.get(id).then().body("revision", equalTo(before.path("revision")))
                .body("lastSequence", equalTo(before.path("lastSequence")));
    }

    @Test
    void staleIfMatchGets412OnEveryWrite() {
        String id = api.createSession("acc-412");
        String first = api.get(id).header("ETag");
        api.act(id, "start").then().statusCode(200);
        for (String move : List.of("advance", "pause", "complete", "abandon")) {
            api.request().header("If-Match", first).post("/sessions/" + id + "/" + move)
                    .then().statusCode(412)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("If-Match"));
        }
        api.request().header("If-Match", "\"stale-0\"")
                .body("{\"phase\":\"requirements\",\"text\":\"late\"}")
                .post("/sessions/" + id + "/notes").then().statusCode(412);
        api.get(id).then().body("revision", equalTo(2)).body("noteCount", equalTo(0));

        String current = api.get(id).header("ETag");
        api.request().header("If-Match", current).post("/sessions/" + id + "/pause").then().statusCode(200);
        api.request().header("If-Match", "*").post("/sessions/" + id + "/resume").then().statusCode(200);
        api.request().header("If-Match", "\"1\", " + api.get(id).header("ETag"))
                .post("/sessions/" + id + "/advance").then().statusCode(200);
    }

    @Test
    void answers304WhenIfNoneMatchNamesTheCurrentRevision() {
        String id = api.createSession("acc-304");
        String etag = api.get(id).header("ETag");
        api.request().header("If-None-Match", etag).get("/sessions/" + id).then().statusCode(304);
        api.act(id, "start");
        api.request().header("If-None-Match", etag).get("/sessions/" + id).then().statusCode(200);
    }

    @Test
    void unknownSessionsAre404OnEveryEndpoint() {
        String missing = "6f1c1f7e-0000-4000-8000-000000000000";
        api.get(missing).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no session " + missing));
        for (String move : List.of("start", "advance", "pause", "resume", "complete", "abandon")) {
            api.act(missing, move).then().statusCode(404);
        }
        api.note(missing, "requirements", "x").then().statusCode(404);
        api.request().get("/sessions/" + missing + "/notes").then().statusCode(404);
        api.request().get("/sessions/" + missing + "/notes/" + missing).then().statusCode(404);
        api.request().get("/sessions/" + missing + "/stream").then().statusCode(404);
    }

    @Test
    void rejectsBadSessionRequestsNamingTheField() {
        api.request().body("{\"candidateRef\":\"acc-1\"}").post("/sessions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("question"));
        api.request().body("{\"question\":\"q\",\"candidateRef\":\"\"}").post("/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("candidateRef"));
        api.request().post("/sessions").then().statusCode(400).body("errors[0].field", equalTo("body"));
        api.request().body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateId\":\"nope\"}").post("/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("templateId"));
        api.request().body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateVersion\":99}").post("/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("templateVersion"));
        api.request().body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateVersion\":\"x\"}").post("/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("templateVersion"));
        api.request().get("/sessions/not-a-uuid").then().statusCode(404);
        api.request().header("Idempotency-Key", "k".repeat(300))
                .body("{\"question\":\"q\",\"candidateRef\":\"c\"}").post("/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static void conflict(Response response, String status) {
        response.then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", org.hamcrest.Matchers.containsString("a session that is " + status));
    }
}
