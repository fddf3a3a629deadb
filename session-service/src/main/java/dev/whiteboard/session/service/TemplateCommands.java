package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.domain.RuleViolation;
import dev.whiteboard.session.domain.Template;
import dev.whiteboard.session.domain.TemplateDraft;
import dev.whiteboard.session.domain.TemplateRules;
import dev.whiteboard.session.repository.TemplateEntity;
import dev.whiteboard.session.repository.TemplateRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishing template versions. A new template gets a generated id; publishing with the id of one of the
 * tenant's templates adds the next version. Versions never change once written.
 */
@ApplicationScoped
public class TemplateCommands {
    private final TemplateRepository templates;
    private final EventOutbox outbox;

    public TemplateCommands(TemplateRepository templates, EventOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Changed<Template>> publish(String tenantId, String id, TemplateDraft draft, Instant now) {
        return Uni.createFrom().item(() -> TemplateRules.build(id == null ? "new" : id, 1, draft))
                .chain(checked -> nextVersion(tenantId, id).chain(version -> {
            TemplateEntity entity = new TemplateEntity();
            entity.id = version.id();
            entity.version = version.number();
            entity.tenantId = tenantId;
            entity.name = checked.name();
            entity.definition = new Template(version.id(), version.number(), checked.name(), checked.phases());
            entity.publishedAt = now;
            return templates.persist(entity)
                    .chain(() -> outbox.appendForTemplate(tenantId, entity.id, entity.version, now))
                    .map(event -> new Changed<>(entity.definition, List.of(event)));
        }));
    }

    private record Version(String id, int number) {
    }

    private Uni<Version> nextVersion(String tenantId, String id) {
        if (id == null) {
            return Uni.createFrom().item(new Version(UUID.randomUUID().toString(), 1));
        }
        if (Template.DEFAULT_ID.equals(id)) {
            return Uni.createFrom().failure(ProblemException.conflict(
                    "the shared default template cannot be republished; leave id out to publish a template of your own"));
        }
        return templates.lockOwned(tenantId, id).chain(first -> {
            if (first == null) {
                throw RuleViolation.invalid("id", "you have no template '" + id
                        + "'; leave id out to publish a new template");
            }
            return templates.latestVersion(id).map(latest -> new Version(id, latest + 1));
        });
    }
}
