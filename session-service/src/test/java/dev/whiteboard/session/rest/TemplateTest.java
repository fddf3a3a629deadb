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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class TemplateTest {
    static final String TWO_PHASES = """
            {"name": "Backend loop",
             "phases": [{"key": "requirements", "title": "Requirements", "minMinutes": 3, "maxMinutes": 5,
               "checklist": [{"key": "scale", "prompt": "How many users?", "hint": "Ask about scale.", "cues": ["users", "scale"]}]},
              {"key": "design", "title": "Design", "minMinutes": 20, "maxMinutes": 30, "checklist": []}]}""";
    static final String INTERNAL_TOKEN = "test-only-internal-token";

    @Inject
    ApiKeyDirectory directory;

    Api api;

    @BeforeEach
    void tenant() {
        api = new Api(directory.registerForTests(Api.uniqueRef("templates"), "pro"));
    }

    @Test
    void theDefaultTemplateHasTheSixPhasesOfTheReferenceInDecision0004Shape() {
        Response template = api.request().get("/templates/default");

        template.then().statusCode(200)
                .body("id", equalTo("default"))
                .body("version", equalTo(ShippedDefaultTemplate.version()))
                .body("phases.key", equalTo(List.of("requirements", "functional-nonfunctional", "capacity",
                        "high-level-design", "data-model", "deep-dive")))
                .body("phases.order", equalTo(List.of(1, 2, 3, 4, 5, 6)))
                .body("phases.minMinutes", equalTo(List.of(1, 5, 3, 5, 5, 15)))
                .body("phases.maxMinutes", equalTo(List.of(2, 5, 3, 10, 5, 20)));
        Map<String, Object> body = template.as(Map.class);
        assertThat(body).containsOnlyKeys("id", "version", "name", "phases");
        List<Map<String, Object>> phases = template.path("phases");
        for (Map<String, Object> phase : phases) {
            assertThat(phase).containsOnlyKeys("key", "title", "order", "minMinutes", "maxMinutes", "checklist");
            List<Map<String, Object>> checklist = (List<Map<String, Object>>) phase.get("checklist");
            assertThat(checklist).isNotEmpty();
            assertThat(checklist).allSatisfy(item -> assertThat(item).containsOnlyKeys("key", "prompt", "hint", "cues"));
        }
        List<String> itemKeys = template.path("phases.checklist.flatten().key");
        assertThat(itemKeys).doesNotHaveDuplicates();
    }

    @Test
    void listsTheDefaultAndOnlyTheCallersOwnTemplates() {
        String mine = api.request().body(TWO_PHASES).post("/templates").then().statusCode(201).extract().path("id");
        Api other = new Api(directory.registerForTests(Api.uniqueRef("templates-other"), "pro"));
        String theirs = other.request().body(TWO_PHASES).post("/templates").then().statusCode(201).extract().path("id");

        api.request().get("/templates").then().statusCode(200)
                .body("items[0].id", equalTo("default"))
                .body("items[0].shared", equalTo(true))
                .body("items.id", hasItem(mine))
                .body("items.id", not(hasItem(theirs)));
    }

    @Test
    void publishingAgainMakesTheNextVersionAndSessionsKeepTheirs() {
        Response first = api.request().body(TWO_PHASES).post("/templates");
        first.then().statusCode(201).body("version", equalTo(1))
                .body("phases.order", equalTo(List.of(1, 2)));
        String id = first.path("id");
        assertThat(first.header("Location")).endsWith("/templates/" + id + "?version=1");
        String session = api.request()
                .body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateId\":\"" + id + "\"}")
                .post("/sessions").then().statusCode(201)
                .body("templateVersion", equalTo(1))
                .body("phases.key", equalTo(List.of("requirements", "design")))
                .extract().path("id");

        String second = TWO_PHASES.replace("{\"name\": \"Backend loop\"", "{\"id\": \"" + id + "\", \"name\": \"Backend loop v2\"")
                .replace("\"minMinutes\": 20", "\"minMinutes\": 25");
        api.request().body(second).post("/templates").then().statusCode(201)
                .body("id", equalTo(id)).body("version", equalTo(2));

        api.request().get("/templates/" + id).then().body("version", equalTo(2)).body("name", equalTo("Backend loop v2"))
                .body("phases[1].minMinutes", equalTo(25));
        api.request().queryParam("version", 1).get("/templates/" + id).then().body("version", equalTo(1))
                .body("phases[1].minMinutes", equalTo(20));
        api.request().queryParam("version", 3).get("/templates/" + id).then().statusCode(404);
        api.get(session).then().body("templateVersion", equalTo(1)).body("phases[1].minMinutes", equalTo(20));
        api.request().body("{\"question\":\"q\",\"candidateRef\":\"c\",\"templateId\":\"" + id + "\"}")
                .post("/sessions").then().body("templateVersion", equalTo(2));
    }

    @Test
    void rejectsTemplatesThatBreakTheRulesNamingEveryField() {
        api.request().body("""
                        {"name": "Broken", "phases": [
                          {"key": "a", "title": "A", "minMinutes": 0, "maxMinutes": 5, "checklist": []},
                          {"key": "a", "title": "B", "minMinutes": 6, "maxMinutes": 5,
                           "checklist": [{"key": "k", "prompt": "p", "hint": "h", "cues": ["c"]},
                                         {"key": "k", "prompt": "p", "hint": "h", "cues": ["c"]}]}]}""")
                .post("/templates").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("phases[0].minMinutes", "phases[1].key",
                        "phases[1].minMinutes", "phases[1].checklist[1].key")));
        api.request().body("{\"name\": \"Empty\", \"phases\": []}").post("/templates")
                .then().statusCode(400).body("errors.field", equalTo(List.of("phases")));
        api.request().body("{\"name\": \"x\", \"phases\": [{\"key\": \"a\", \"title\": \"A\", \"minMinutes\": \"soon\"}]}")
                .post("/templates").then().statusCode(400).body("errors[0].field", equalTo("phases[0].minMinutes"));
        api.request().body("{\"id\": \"default\", \"name\": \"Mine\", \"phases\": [{\"key\": \"a\", \"title\": \"A\", \"minMinutes\": 1, \"maxMinutes\": 1}]}")
                .post("/templates").then().statusCode(409);
        api.request().body("{\"id\": \"nobody-has-this\", \"name\": \"Mine\", \"phases\": [{\"key\": \"a\", \"title\": \"A\", \"minMinutes\": 1, \"maxMinutes\": 1}]}")
                .post("/templates").then().statusCode(400).body("errors[0].field", equalTo("id"));
        api.request().queryParam("version", 0).get("/templates/default").then().statusCode(400);
    }

    @Test
    void theInternalEndpointServesAnyTenantsVersionToWhiteboardServicesOnly() {
        String id = api.request().body(TWO_PHASES).post("/templates").then().statusCode(201).extract().path("id");

        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/" + id + "/versions/1")
                .then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(1))
                .body("phases.key", equalTo(List.of("requirements", "design")));
        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/default/versions/" + ShippedDefaultTemplate.version())
                .then().statusCode(200).body("phases.size()", equalTo(6));
        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/" + id + "/versions/2")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/internal/templates/" + id + "/versions/1").then().statusCode(401);
        api.request().get("/internal/templates/" + id + "/versions/1").then().statusCode(401);
    }

    @Test
    void theInternalEndpointServesTheLatestVersionAndRefusesVersionsThatAreNotNumbers() {
        String id = api.request().body(TWO_PHASES).post("/templates").then().statusCode(201).extract().path("id");
        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/" + id + "/versions/latest")
                .then().statusCode(200).body("version", equalTo(1));

        api.request().body(TWO_PHASES.replace("{\"name\": \"Backend loop\"", "{\"id\": \"" + id + "\", \"name\": \"Backend loop v2\""))
                .post("/templates").then().statusCode(201).body("version", equalTo(2));
        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/" + id + "/versions/latest")
                .then().statusCode(200).body("version", equalTo(2)).body("name", equalTo("Backend loop v2"));
        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/default/versions/latest")
                .then().statusCode(200).body("id", equalTo("default")).body("phases.size()", equalTo(6));
        given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/nobody-has-this/versions/latest")
                .then().statusCode(404).contentType("application/problem+json");
        for (String bad : List.of("0", "-1", "newest", "99999999999")) {
            given().header("X-Internal-Token", INTERNAL_TOKEN).get("/internal/templates/" + id + "/versions/" + bad)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("version"));
        }
    }

    @Test
    void theOpenApiDocumentDescribesThePublicApiAndHidesTheInternalOne() {
        Response document = given().queryParam("format", "json").get("/q/openapi");

        document.then().statusCode(200);
        Map<String, Object> paths = document.path("paths");
        assertThat(paths).containsKeys("/sessions", "/sessions/{id}", "/sessions/{id}/{action}",
                "/sessions/{id}/notes", "/sessions/{id}/stream", "/templates", "/templates/{id}");
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/internal"));
        assertThat(document.<Map<String, Object>>path("paths.'/sessions/{id}/{action}'.post.responses"))
                .containsKeys("200", "404", "409", "412", "422");
    }
}
