package dev.whiteboard.session.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tenants and API-key records in PostgreSQL, through the reactive SQL client: these statements are few
 * and simple, and the key mirror runs them from a timer, outside any request.
 */
@ApplicationScoped
public class TenantStore {
    private final Pool pool;

    public TenantStore(Pool pool) {
        this.pool = pool;
    }

    public record TenantRow(String id, String name, String tier, Instant createdAt) {
    }

    public record KeyRow(String keyId, String tenantId, String keyHash, Instant createdAt, Instant expiresAt,
                         Instant revokedAt) {
    }

    /** An active key with its tenant's tier, as the mirror publishes it. */
    public record ActiveKey(String keyHash, String keyId, String tenantId, String tier, Instant expiresAt) {
    }

    public Uni<TenantRow> insertTenant(TenantRow tenant) {
        return pool.preparedQuery("INSERT INTO tenant (id, name, tier, created_at) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(tenant.id(), tenant.name(), tenant.tier(), utc(tenant.createdAt())))
                .replaceWith(tenant);
    }

    public Uni<Optional<TenantRow>> findTenant(String id) {
        return pool.preparedQuery("SELECT id, name, tier, created_at FROM tenant WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(tenant(it.next())) : Optional.empty();
                });
    }

    public Uni<List<TenantRow>> listTenants() {
        return pool.query("SELECT id, name, tier, created_at FROM tenant ORDER BY created_at, id").execute()
                .map(rows -> {
                    List<TenantRow> out = new ArrayList<>();
                    rows.forEach(row -> out.add(tenant(row)));
                    return out;
                });
    }

    public Uni<Void> updateTier(String tenantId, String tier) {
        return pool.preparedQuery("UPDATE tenant SET tier = $2 WHERE id = $1")
                .execute(Tuple.of(tenantId, tier)).replaceWithVoid();
    }

    public Uni<Void> insertKey(KeyRow key) {
        return pool.preparedQuery("INSERT INTO api_key (key_id, tenant_id, key_hash, created_at, expires_at) "
                        + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(key.keyId(), key.tenantId(), key.keyHash(), utc(key.createdAt()),
                        key.expiresAt() == null ? null : utc(key.expiresAt())))
                .replaceWithVoid();
    }

    public Uni<List<KeyRow>> listKeys(String tenantId) {
        return pool.preparedQuery("SELECT key_id, tenant_id, key_hash, created_at, expires_at, revoked_at "
                        + "FROM api_key WHERE tenant_id = $1 ORDER BY created_at, key_id")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    List<KeyRow> out = new ArrayList<>();
                    rows.forEach(row -> out.add(key(row)));
                    return out;
                });
    }

    public Uni<Optional<KeyRow>> findKey(String tenantId, String keyId) {
        return pool.preparedQuery("SELECT key_id, tenant_id, key_hash, created_at, expires_at, revoked_at "
                        + "FROM api_key WHERE tenant_id = $1 AND key_id = $2")
                .execute(Tuple.of(tenantId, keyId))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(key(it.next())) : Optional.empty();
                });
    }

    public Uni<Void> expireKey(String keyId, Instant expiresAt) {
        return pool.preparedQuery("UPDATE api_key SET expires_at = $2 WHERE key_id = $1 "
                        + "AND (expires_at IS NULL OR expires_at > $2)")
                .execute(Tuple.of(keyId, utc(expiresAt))).replaceWithVoid();
    }

    public Uni<Void> revokeKey(String keyId, Instant at) {
        return pool.preparedQuery("UPDATE api_key SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(keyId, utc(at))).replaceWithVoid();
    }

    public Uni<List<ActiveKey>> activeKeys(Instant now) {
        return pool.preparedQuery("SELECT k.key_hash, k.key_id, k.tenant_id, t.tier, k.expires_at "
                        + "FROM api_key k JOIN tenant t ON t.id = k.tenant_id "
                        + "WHERE k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > $1)")
                .execute(Tuple.of(utc(now)))
                .map(rows -> {
                    List<ActiveKey> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new ActiveKey(row.getString("key_hash"), row.getString("key_id"),
                            row.getString("tenant_id"), row.getString("tier"), instant(row, "expires_at"))));
                    return out;
                });
    }

    private static TenantRow tenant(Row row) {
        return new TenantRow(row.getString("id"), row.getString("name"), row.getString("tier"),
                instant(row, "created_at"));
    }

    private static KeyRow key(Row row) {
        return new KeyRow(row.getString("key_id"), row.getString("tenant_id"), row.getString("key_hash"),
                instant(row, "created_at"), instant(row, "expires_at"), instant(row, "revoked_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
