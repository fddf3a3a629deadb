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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Stores the shared default template (a classpath resource in the decision 0004 shape) at start. Each
 * version is written once; sessions pinned to it keep it even after a newer default ships.
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
        Template template = read();
        String definition = json.writeValueAsString(template);
        int inserted = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                templates.insertSharedIfAbsent(template.id(), template.version(), template.name(), definition)));
        Log.infof("default template '%s' version %d %s", template.id(), template.version(),
                inserted == 1 ? "stored" : "already stored");
    }

    Template read() throws IOException {
        String resource = config.defaultTemplateResource();
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
