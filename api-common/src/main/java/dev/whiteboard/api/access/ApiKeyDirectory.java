package dev.whiteboard.api.access;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves API keys to what they grant. The record of keys lives in session-service's PostgreSQL; it is
 * mirrored into Redis ({@code wb:apikey:<hash>}), which every service reads through a short local cache
 * (decision 0003). A key that was seen recently keeps working while Redis is unreachable.
 */
@ApplicationScoped
public class ApiKeyDirectory {
    static final String PREFIX = "wb:apikey:";
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);
    /** Bounds the local cache: well-formed but unknown keys are cheap to send and must not grow it forever. */
    static final int MAX_CACHED_KEYS = 50_000;

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveRedisDataSource redis;
    private final AccessConfig config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** One Redis lookup per uncached key at a time: concurrent requests with the same key share it. */
    private final Map<String, Uni<Cached>> lookups = new ConcurrentHashMap<>();

    public ApiKeyDirectory(ReactiveRedisDataSource redis, AccessConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.config = config;
    }

    private record Cached(KeyGrant grant, Instant fetchedAt) {
    }

    public String hashOf(String apiKey) {
        return ApiKeys.hash(apiKey, config.keyPepper());
    }

    /** What this instance can tell about a key without asking Redis. */
    public record LocalLookup(boolean answered, Optional<KeyGrant> grant) {
        static final LocalLookup UNANSWERED = new LocalLookup(false, Optional.empty());
    }

    /**
     * The grant of a key when the local cache can tell it now (a malformed key, or one looked up within
     * the cache TTL); unanswered when only Redis can. The busy path of every request, with no Uni.
     */
    public LocalLookup resolveLocally(String apiKey) {
        if (!ApiKeys.wellFormed(apiKey)) {
            return new LocalLookup(true, Optional.empty());
        }
        Instant now = Instant.now();
        Cached cached = cache.get(hashOf(apiKey));
        return cached != null && fresh(cached, now) ? new LocalLookup(true, valid(cached.grant(), now))
                : LocalLookup.UNANSWERED;
    }

    /** The grant of a key, or empty when the key is unknown, revoked or expired. */
    public Uni<Optional<KeyGrant>> resolve(String apiKey) {
        if (!ApiKeys.wellFormed(apiKey)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = hashOf(apiKey);
        Instant now = Instant.now();
        Cached cached = cache.get(hash);
        if (cached != null && fresh(cached, now)) {
            return Uni.createFrom().item(valid(cached.grant(), now));
        }
        return lookup(hash)
                .map(fetched -> valid(fetched.grant(), Instant.now()))
                .onFailure().recoverWithUni(failure -> {
                    if (cached != null && cached.grant() != null
                            && cached.fetchedAt().plus(config.keyCacheStaleIfError()).isAfter(now)) {
                        return Uni.createFrom().item(valid(cached.grant(), now));
                    }
                    return Uni.createFrom().failure(failure);
                });
    }

    private Uni<Cached> lookup(String hash) {
        return lookups.computeIfAbsent(hash, h -> hashes.hgetall(PREFIX + h)
                .map(fields -> {
                    Cached fetched = new Cached(fields == null || fields.isEmpty() ? null : fromFields(fields),
                            Instant.now());
                    remember(h, fetched);
                    return fetched;
                })
                .onTermination().invoke(() -> lookups.remove(h))
                .memoize().indefinitely());
    }

    private void remember(String hash, Cached fetched) {
        if (cache.size() >= MAX_CACHED_KEYS) {
            Instant now = Instant.now();
            cache.values().removeIf(entry -> entry.grant() == null || !fresh(entry, now));
            if (cache.size() >= MAX_CACHED_KEYS) {
                cache.clear();
            }
        }
        cache.put(hash, fetched);
    }

    private boolean fresh(Cached cached, Instant now) {
        Duration ttl = cached.grant() == null ? NEGATIVE_TTL : config.keyCacheTtl();
        return cached.fetchedAt().plus(ttl).isAfter(now);
    }

    private static Optional<KeyGrant> valid(KeyGrant grant, Instant now) {
        return grant != null && grant.validAt(now) ? Optional.of(grant) : Optional.empty();
    }

    /** Mirrors a key into Redis under its hash (session-service calls this when it issues or re-publishes keys). */
    public Uni<Void> publish(String keyHash, KeyGrant grant) {
        Map<String, String> fields = new HashMap<>();
        fields.put("tenant", grant.tenantId());
        fields.put("tier", grant.tier());
        fields.put("keyId", grant.keyId());
        if (grant.expiresAt() != null) {
            fields.put("expiresAt", grant.expiresAt().toString());
        }
        // A key this instance has seen takes the published grant at once, and stays usable while Redis is
        // down: session-service republishes every key periodically, and dropping the entry would make the
        // next request depend on Redis.
        cache.computeIfPresent(keyHash, (hash, seen) -> new Cached(grant, Instant.now()));
        return hashes.hset(PREFIX + keyHash, fields).replaceWithVoid();
    }

    /** Removes a key from the mirror: every service stops accepting it within the cache TTL. */
    public Uni<Void> remove(String keyHash) {
        cache.remove(keyHash);
        return redis.key(String.class).del(PREFIX + keyHash).replaceWithVoid();
    }

    /** Forgets what this instance cached (tests of revocation). */
    public void clearLocalCache() {
        cache.clear();
    }

    /**
     * Issues a key straight into the mirror, for tests of a service that has no admin API of its own.
     * Blocking: call it from a test thread, never from an event loop.
     */
    public String registerForTests(String tenantId, String tier) {
        String key = ApiKeys.newKey();
        publish(hashOf(key), new KeyGrant(tenantId, tier, ApiKeys.keyId(key), null))
                .await().atMost(Duration.ofSeconds(10));
        return key;
    }

    private static KeyGrant fromFields(Map<String, String> fields) {
        String expires = fields.get("expiresAt");
        return new KeyGrant(fields.get("tenant"), fields.get("tier"), fields.get("keyId"),
                expires == null || expires.isBlank() ? null : Instant.parse(expires));
    }
}
