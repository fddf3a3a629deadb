package dev.whiteboard.api.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys, service-to-service tokens and rate limits (decision 0003). */
@ConfigMapping(prefix = "wb.access")
public interface AccessConfig {

    /** Pepper of the API-key hashes (env WB_ACCESS_KEY_PEPPER). A secret: never logged. */
    @WithName("key-pepper")
    String keyPepper();

    /** Token of service-to-service calls on /internal/* (env WB_ACCESS_INTERNAL_TOKEN). A secret. */
    @WithName("internal-token")
    String internalToken();

    /** Operator secret of the /admin/* API (env WB_ACCESS_OPERATOR_SECRET); absent: the admin API is closed. */
    @WithName("operator-secret")
    Optional<String> operatorSecret();

    /** How long a resolved key is trusted before it is looked up again; revocation takes at most this plus 30 s. */
    @WithName("key-cache-ttl")
    @WithDefault("30s")
    Duration keyCacheTtl();

    /** How long a cached key keeps working while Redis cannot be reached. */
    @WithName("key-cache-stale-if-error")
    @WithDefault("5m")
    Duration keyCacheStaleIfError();

    /** Limits per tier; a key's tier must be one of these. */
    @WithName("tiers")
    Map<String, Tier> tiers();

    /** Path prefixes that count against the stricter "expensive" limit. */
    @WithName("expensive-paths")
    @WithDefault("/estimates/batch")
    List<String> expensivePaths();

    /** Limits below this many per minute are counted in Redis on every request; larger ones in batches. */
    @WithName("exact-below")
    @WithDefault("1000")
    long exactBelow();

    /** How often batched counts are added to the shared counters in Redis. */
    @WithName("flush-interval")
    @WithDefault("100ms")
    Duration flushInterval();

    interface Tier {
        /** Requests per minute per tenant, across all replicas. */
        @WithName("requests-per-minute")
        long requestsPerMinute();

        /** Requests per minute to the expensive paths. */
        @WithName("expensive-per-minute")
        long expensivePerMinute();

        /** What happens while Redis is unreachable: allow (fail open) or reject (fail closed). */
        @WithName("when-redis-down")
        WhenRedisDown whenRedisDown();
    }

    enum WhenRedisDown { ALLOW, REJECT }
}
