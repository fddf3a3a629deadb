package dev.whiteboard.session.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.session.config.SessionConfig;
import dev.whiteboard.session.domain.RuleViolation;
import dev.whiteboard.session.domain.Template;
import dev.whiteboard.session.domain.TemplateDraft;
import dev.whiteboard.session.domain.TemplateRules;
import dev.whiteboard.session.repository.TemplateRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Stores the shared default template (a classpath resource in the decision 0004 shape) at start. Each
 * version is written once and never rewritten; sessions pinned to it keep it even after a newer default
 * ships. Any change to the resource, cues included, ships as a new version (decision 0007): a stored version
 * whose definition differs from this build's is reported, not overwritten.
 */
@ApplicationScoped
public class DefaultTemplateLoader {
    private final TemplateRepository templates;
    private final ObjectMapper json;
    private final SessionConfig config;

    public DefaultTemplateLoader(TemplateRepository templates, ObjectMapper json, SessionConfig config) {
        this.templates = templates;
        this.json = json;
        this.config = config;
    }

    /** The resource as written: the template fields, the draft's names for phases and items. */
    record TemplateFile(String id, Integer version, String name, List<TemplateDraft.PhaseDraft> phases) {
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        Template template = read(json, config.defaultTemplateResource());
        String definition = json.writeValueAsString(template);
        boolean sameAsStored = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                templates.insertSharedIfAbsent(template.id(), template.version(), template.name(), definition)
                        .chain(inserted -> inserted == 1 ? Uni.createFrom().item(true)
                                : templates.sharedDefinitionEquals(template.id(), template.version(), definition))));
        if (sameAsStored) {
            Log.infof("default template '%s' version %d stored", template.id(), template.version());
        } else {
            Log.warnf("default template '%s' version %d is stored with another definition than this build's; the "
                    + "stored one stays (a changed template needs a new version, decision 0007)", template.id(),
                    template.version());
        }
    }

    /** The default template as this build ships it, from the classpath resource. */
    static Template read(ObjectMapper json, String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the default template " + resource + " is not on the classpath");
            }
            TemplateFile file = json.readValue(in, TemplateFile.class);
            String id = file.id() == null ? Template.DEFAULT_ID : file.id();
            int version = file.version() == null ? 1 : file.version();
            try {
                return TemplateRules.build(id, version, new TemplateDraft(file.name(), file.phases()));
            } catch (RuleViolation violation) {
                throw new IllegalStateException("the default template " + resource + " breaks the template rules: "
                        + violation.problems().stream().map(p -> p.field() + " " + p.message()).toList());
            }
        }
    }
}
