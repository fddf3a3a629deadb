package dev.whiteboard.session.access;

import dev.whiteboard.api.access.AccessConfig;
import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.api.access.ApiKeys;
import dev.whiteboard.api.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/** The operator's work on tenants and keys: create, issue, rotate, revoke, change tier. */
@ApplicationScoped
public class TenantAdmin {
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    static final Duration MAX_OVERLAP = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantStore store;
    private final KeyMirror mirror;
    private final ApiKeyDirectory directory;
    private final AccessConfig config;

    public TenantAdmin(TenantStore store, KeyMirror mirror, ApiKeyDirectory directory, AccessConfig config) {
        this.store = store;
        this.mirror = mirror;
        this.directory = directory;
        this.config = config;
    }

    /** A key as it is shown once, at creation; afterwards only its id and dates are ever shown. */
    public record IssuedKey(String keyId, String apiKey, Instant createdAt, Instant expiresAt) {
    }

    public Uni<TenantStore.TenantRow> createTenant(String name, String tier) {
        requireTier(tier);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        TenantStore.TenantRow tenant = new TenantStore.TenantRow("t_" + HexFormat.of().formatHex(id), name.trim(),
                tier, Instant.now().truncatedTo(ChronoUnit.MICROS));
        return store.insertTenant(tenant)
                .invoke(created -> Log.infof("tenant %s created on tier %s", created.id(), tier));
    }

    public Uni<TenantStore.TenantRow> tenant(String id) {
        return store.findTenant(id).map(found -> found.orElseThrow(() -> ProblemException.notFound("no tenant " + id)));
    }

    public Uni<List<TenantStore.TenantRow>> tenants() {
        return store.listTenants();
    }

    public Uni<TenantStore.TenantRow> changeTier(String tenantId, String tier) {
        requireTier(tier);
        return tenant(tenantId)
                .call(() -> store.updateTier(tenantId, tier))
                .call(() -> republishTenant(tenantId, tier))
                .chain(() -> tenant(tenantId));
    }

    public Uni<IssuedKey> issueKey(String tenantId) {
        return tenant(tenantId).chain(tenant -> issue(tenant));
    }

    private Uni<IssuedKey> issue(TenantStore.TenantRow tenant) {
        String key = ApiKeys.newKey();
        String hash = directory.hashOf(key);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TenantStore.KeyRow row = new TenantStore.KeyRow(ApiKeys.keyId(key), tenant.id(), hash, now, null, null);
        return store.insertKey(row)
                .call(() -> mirror.publish(new TenantStore.ActiveKey(hash, row.keyId(), tenant.id(), tenant.tier(), null))
                        .onFailure().invoke(f -> Log.warnf("key %s issued but not yet mirrored to Redis (%s); "
                                + "the mirror retries", row.keyId(), f.getClass().getSimpleName()))
                        .onFailure().recoverWithNull())
                .invoke(() -> Log.infof("key %s issued for tenant %s", row.keyId(), tenant.id()))
                .replaceWith(new IssuedKey(row.keyId(), key, now, null));
    }

    public Uni<List<TenantStore.KeyRow>> keys(String tenantId) {
        return tenant(tenantId).chain(() -> store.listKeys(tenantId));
    }

    /** Issues a new key and lets the old one keep working for the overlap, so clients can switch over. */
    public Uni<IssuedKey> rotateKey(String tenantId, String keyId, Duration overlap) {
        Duration window = overlap == null ? DEFAULT_OVERLAP : overlap;
        if (window.isNegative() || window.compareTo(MAX_OVERLAP) > 0) {
            throw ProblemException.badRequest("overlapSeconds", "must be between 0 and " + MAX_OVERLAP.toSeconds());
        }
        return activeKey(tenantId, keyId).chain(old -> tenant(tenantId).chain(tenant -> {
            Instant oldExpiry = Instant.now().plus(window).truncatedTo(ChronoUnit.MICROS);
            return store.expireKey(keyId, oldExpiry)
                    .call(() -> mirror.publish(new TenantStore.ActiveKey(old.keyHash(), keyId, tenantId, tenant.tier(),
                            old.expiresAt() != null && old.expiresAt().isBefore(oldExpiry) ? old.expiresAt() : oldExpiry)))
                    .chain(() -> issue(tenant))
                    .invoke(() -> Log.infof("key %s of tenant %s rotated; it expires at %s", keyId, tenantId, oldExpiry));
        }));
    }

    public Uni<Void> revokeKey(String tenantId, String keyId) {
        return store.findKey(tenantId, keyId)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("no key " + keyId + " for tenant " + tenantId)))
                .call(key -> store.revokeKey(keyId, Instant.now()))
                .call(key -> mirror.remove(key.keyHash()).onFailure().transform(f -> ProblemException.unavailable(
                        "the key is revoked in the database but Redis cannot be reached to stop it everywhere; "
                                + "repeat the call", 5)))
                .invoke(key -> Log.infof("key %s of tenant %s revoked", keyId, tenantId))
                .replaceWithVoid();
    }

    private Uni<TenantStore.KeyRow> activeKey(String tenantId, String keyId) {
        Instant now = Instant.now();
        return store.findKey(tenantId, keyId).map(found -> found
                .filter(key -> key.revokedAt() == null && (key.expiresAt() == null || key.expiresAt().isAfter(now)))
                .orElseThrow(() -> ProblemException.notFound("no active key " + keyId + " for tenant " + tenantId)));
    }

    private Uni<Void> republishTenant(String tenantId, String tier) {
        return store.activeKeys(Instant.now())
                .chain(keys -> Multi.createFrom().iterable(keys)
                        .filter(key -> key.tenantId().equals(tenantId))
                        .onItem().transformToUniAndConcatenate(key -> mirror.publish(
                                new TenantStore.ActiveKey(key.keyHash(), key.keyId(), tenantId, tier, key.expiresAt())))
                        .collect().asList())
                .replaceWithVoid();
    }

    private void requireTier(String tier) {
        if (tier == null || !config.tiers().containsKey(tier)) {
            throw ProblemException.badRequest("tier", "must be one of " + config.tiers().keySet());
        }
    }
}
