package dev.whiteboard.session.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.session.domain.Template;
import dev.whiteboard.session.repository.TemplateRepository;
import dev.whiteboard.session.support.Api;
import dev.whiteboard.stack.testing.LocalStackTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A deployment upgraded to a build with a newer default template: the version it stored before stays as it
 * was (sessions pinned to it keep it), the new version is stored beside it and becomes the latest, and a
 * restart stores nothing twice (decision 0007).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,redis"))
class DefaultTemplateLoaderTest {
    private static final String RESOURCE = "templates/default-template.json";

    @Inject
    DefaultTemplateLoader loader;
    @Inject
    TemplateRepository templates;
    @Inject
    ObjectMapper json;
    @Inject
    ApiKeyDirectory directory;

    @Test
    void anOlderStoredVersionStaysAndTheShippedOneIsTheLatest() throws Throwable {
        Template shipped = DefaultTemplateLoader.read(json, RESOURCE);
        assertThat(shipped.version()).as("this test needs a shipped version above 1").isGreaterThan(1);
        Template older = olderVersion(shipped);
        String olderDefinition = json.writeValueAsString(older);
        await(() -> templates.insertSharedIfAbsent(older.id(), older.version(), older.name(), olderDefinition));

        loader.onStart(null);
        loader.onStart(null);

        String shippedDefinition = json.writeValueAsString(shipped);
        assertThat(await(() -> templates.sharedDefinitionEquals(shipped.id(), shipped.version(), shippedDefinition)))
                .isTrue();
        assertThat(await(() -> templates.sharedDefinitionEquals(older.id(), older.version(), shippedDefinition)))
                .as("the stored older version is not rewritten").isFalse();
        assertThat(await(() -> templates.sharedDefinitionEquals(older.id(), older.version(), olderDefinition)))
                .isTrue();
        Api api = new Api(directory.registerForTests(Api.uniqueRef("upgrade"), "pro"));
        api.request().get("/templates/default").then().statusCode(200).body("version", equalTo(shipped.version()));
        api.request().queryParam("version", older.version()).get("/templates/default").then().statusCode(200)
                .body("name", equalTo(older.name()))
                .body("phases[0].checklist[0].cues[0]", equalTo(older.phases().get(0).checklist().get(0).cues().get(0)));
        api.request().body("{\"question\":\"q\",\"candidateRef\":\"c\"}").post("/sessions").then().statusCode(201)
                .body("templateVersion", equalTo(shipped.version()));
    }

    @Test
    void aStoredDefinitionIsComparedAsJsonNotAsText() throws Throwable {
        Template shipped = DefaultTemplateLoader.read(json, RESOURCE);
        String reformatted = json.writerWithDefaultPrettyPrinter().writeValueAsString(shipped);

        assertThat(await(() -> templates.sharedDefinitionEquals(shipped.id(), shipped.version(), reformatted))).isTrue();
        assertThat(await(() -> templates.sharedDefinitionEquals(shipped.id(), shipped.version() + 1000, reformatted)))
                .isFalse();
    }

    /** Version 1 as an older build stored it: another name and another first cue. */
    private static Template olderVersion(Template shipped) {
        Template.Phase first = shipped.phases().get(0);
        Template.ChecklistItem item = first.checklist().get(0);
        Template.ChecklistItem olderItem = new Template.ChecklistItem(item.key(), item.prompt(), item.hint(),
                List.of("an older cue"));
        List<Template.ChecklistItem> checklist = new ArrayList<>(first.checklist());
        checklist.set(0, olderItem);
        Template.Phase olderFirst = new Template.Phase(first.key(), first.title(), first.order(), first.minMinutes(),
                first.maxMinutes(), checklist);
        List<Template.Phase> phases = new ArrayList<>(shipped.phases());
        phases.set(0, olderFirst);
        return new Template(shipped.id(), 1, shipped.name() + " (older build)", phases);
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work::get));
    }
}
