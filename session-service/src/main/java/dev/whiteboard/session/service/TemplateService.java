package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.domain.Template;
import dev.whiteboard.session.domain.TemplateDraft;
import dev.whiteboard.session.metrics.SessionMetrics;
import dev.whiteboard.session.repository.TemplateEntity;
import dev.whiteboard.session.repository.TemplateRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Templates as the API offers them: the shared default and each tenant's own. */
@ApplicationScoped
public class TemplateService {
    private final TemplateCommands commands;
    private final TemplateRepository templates;
    private final IdempotentExecutor executor;
    private final SessionMetrics metrics;
    private final ServerClock clock;

    public TemplateService(TemplateCommands commands, TemplateRepository templates, IdempotentExecutor executor,
                           SessionMetrics metrics, ServerClock clock) {
        this.commands = commands;
        this.templates = templates;
        this.executor = executor;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The latest version of a template, who owns it and when it was published. */
    public record Summary(String id, int version, String name, boolean shared, int phases, Instant publishedAt) {
    }

    public Uni<Reply> publish(String tenantId, String idempotencyKey, String id, TemplateDraft draft,
                              Object request, Function<Template, Rendered> render) {
        String fingerprint = executor.fingerprint("POST", "/templates", request);
        return executor.once(tenantId, idempotencyKey, fingerprint,
                        () -> commands.publish(tenantId, id, draft, clock.now())
                                .map(c -> new Changed<>(render.apply(c.result()), c.events())))
                .onFailure().transform(Problems::from)
                .invoke(outcome -> metrics.committed(outcome.events()))
                .map(IdempotentExecutor.Outcome::reply);
    }

    @WithSession
    public Uni<List<Summary>> list(String tenantId) {
        return templates.latestOfEachVisible(tenantId)
                .map(list -> list.stream().map(TemplateService::summary).toList());
    }

    /** A version the tenant sees (the latest when {@code version} is null). */
    @WithSession
    public Uni<Template> get(String tenantId, String id, Integer version) {
        Uni<TemplateEntity> found = version == null ? templates.latestVisible(tenantId, id)
                : templates.findVisible(tenantId, id, version);
        return found.map(entity -> found(entity, id, version));
    }

    /** Any tenant's version (the latest when {@code version} is null), for Whiteboard's own services. */
    @WithSession
    public Uni<Template> getAnyTenant(String id, Integer version) {
        Uni<TemplateEntity> found = version == null ? templates.latestAnyTenant(id) : templates.findAnyTenant(id, version);
        return found.map(entity -> found(entity, id, version));
    }

    private static Template found(TemplateEntity entity, String id, Integer version) {
        if (entity == null) {
            throw ProblemException.notFound("no template '" + id + "'" + (version == null ? "" : " in version " + version));
        }
        return entity.definition;
    }

    private static Summary summary(TemplateEntity entity) {
        return new Summary(entity.id, entity.version, entity.name, entity.tenantId == null,
                entity.definition.phases().size(), entity.publishedAt);
    }
}
