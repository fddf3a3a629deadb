package dev.whiteboard.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/**
 * Template versions. A tenant sees the shared ones (tenant null) and its own; another tenant's template
 * is not found. Only the internal lookup crosses tenants.
 */
@ApplicationScoped
@WithSession
public class TemplateRepository implements PanacheRepositoryBase<TemplateEntity, TemplateEntity.Key> {
    private static final String VISIBLE = "(tenantId = ?1 or tenantId is null)";

    public Uni<TemplateEntity> findVisible(String tenantId, String id, int version) {
        return find(VISIBLE + " and id = ?2 and version = ?3", tenantId, id, version).firstResult();
    }

    public Uni<TemplateEntity> latestVisible(String tenantId, String id) {
        return find(VISIBLE + " and id = ?2 order by version desc", tenantId, id).firstResult();
    }

    /** The latest version of every template the tenant sees, the shared ones first. */
    public Uni<List<TemplateEntity>> latestOfEachVisible(String tenantId) {
        return find("from TemplateEntity o where (o.tenantId = ?1 or o.tenantId is null)"
                + " and o.version = (select max(t.version) from TemplateEntity t where t.id = o.id)"
                + " order by case when o.tenantId is null then 0 else 1 end, o.publishedAt, o.id", tenantId).list();
    }

    /** Any tenant's version, for Whiteboard's own services. */
    public Uni<TemplateEntity> findAnyTenant(String id, int version) {
        return findById(new TemplateEntity.Key(id, version));
    }

    /** The latest version of any tenant's template, for Whiteboard's own services. */
    public Uni<TemplateEntity> latestAnyTenant(String id) {
        return find("id = ?1 order by version desc", id).firstResult();
    }

    /**
     * Locks a tenant's template (its first version, which every template has) so that concurrent
     * publications of new versions take turns; null when the tenant owns no such template.
     */
    public Uni<TemplateEntity> lockOwned(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2 and version = 1", tenantId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> latestVersion(String id) {
        return find("id = ?1 order by version desc", id).firstResult().map(t -> t == null ? 0 : t.version);
    }

    /** Stores a shared template version unless it is already there (every replica does this at start). */
    public Uni<Integer> insertSharedIfAbsent(String id, int version, String name, String definitionJson) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into templates (id, version, tenant_id, name, definition, published_at)
                        values (?1, ?2, null, ?3, cast(cast(?4 as text) as jsonb), now())
                        on conflict (id, version) do nothing""")
                .setParameter(1, id).setParameter(2, version).setParameter(3, name).setParameter(4, definitionJson)
                .executeUpdate());
    }

    /** Whether the shared version holds this definition (compared as JSON values, not as text). */
    public Uni<Boolean> sharedDefinitionEquals(String id, int version, String definitionJson) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select count(*) from templates where id = ?1 and version = ?2 and tenant_id is null
                        and definition = cast(cast(?3 as text) as jsonb)""", Long.class)
                .setParameter(1, id).setParameter(2, version).setParameter(3, definitionJson)
                .getSingleResult())
                .map(count -> count > 0);
    }
}
