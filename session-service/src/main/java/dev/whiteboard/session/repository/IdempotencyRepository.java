package dev.whiteboard.session.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * Idempotency records per tenant and key. A claim inserts the key first: a concurrent request with the
 * same key waits on the row until the first transaction ends, then finds the stored response.
 */
@ApplicationScoped
@WithSession
public class IdempotencyRepository {
    /** A stored first response; {@code status} is null only inside the transaction that claimed the key. */
    public record StoredResponse(String requestHash, Integer status, String location, String etag, String body) {
    }

    /** True when this request claimed the key; false when another request already holds it. */
    public Uni<Boolean> claim(String tenantId, String key, String requestHash) {
        return session().chain(s -> s.createNativeQuery("""
                        insert into idempotency_records (tenant_id, idempotency_key, request_hash, created_at)
                        values (?1, ?2, ?3, now()) on conflict (tenant_id, idempotency_key) do nothing""")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate()).map(inserted -> inserted == 1);
    }

    public Uni<Void> complete(String tenantId, String key, int status, String location, String etag, String body) {
        return session().chain(s -> s.createNativeQuery("""
                        update idempotency_records set status = ?3, location = ?4, etag = ?5, body = ?6
                        where tenant_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, status).setParameter(4, location)
                .setParameter(5, etag).setParameter(6, body)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<StoredResponse> find(String tenantId, String key) {
        return session().chain(s -> s.createNativeQuery("""
                        select request_hash, status, location, etag, body from idempotency_records
                        where tenant_id = ?1 and idempotency_key = ?2""", Object[].class)
                .setParameter(1, tenantId).setParameter(2, key)
                .getResultList())
                .map(IdempotencyRepository::first);
    }

    private static StoredResponse first(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new StoredResponse((String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4]);
    }

    /** The session (and transaction) of the caller. */
    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
