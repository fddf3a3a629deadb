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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class SessionListTest {

    @Inject
    ApiKeyDirectory directory;

    Api api;

    @BeforeEach
    void tenant() {
        api = new Api(directory.registerForTests(Api.uniqueRef("lists"), "pro"));
    }

    @Test
    void pagesThroughACandidatesSessionsNewestFirstWithoutGapsOrRepeats() {
        String candidate = Api.uniqueRef("acc");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.createSession(candidate));
        }
        api.createSession(Api.uniqueRef("someone-else"));

        List<String> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api.request().queryParam("candidateRef", candidate).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/sessions");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            page.<List<String>>path("items.createdAt").forEach(t -> times.add(Instant.parse(t)));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByStatus() {
        String candidate = Api.uniqueRef("acc");
        String running = api.createSession(candidate);
        String waiting = api.createSession(candidate);
        api.act(running, "start");

        api.request().queryParam("candidateRef", candidate).queryParam("status", "IN_PROGRESS").get("/sessions")
                .then().body("items.id", equalTo(List.of(running))).body("nextCursor", nullValue());
        api.request().queryParam("candidateRef", candidate).queryParam("status", "created").get("/sessions")
                .then().body("items.id", equalTo(List.of(waiting)));
    }

    @Test
    void rejectsBadParametersNamingThem() {
        api.request().queryParam("status", "SLEEPING").get("/sessions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        api.request().queryParam("cursor", "garbage").get("/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        api.request().queryParam("limit", 0).get("/sessions").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        api.request().queryParam("limit", 101).get("/sessions").then().statusCode(400);
    }
}
