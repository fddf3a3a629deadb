package dev.whiteboard.api.access;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-tenant request limits in one-minute windows, shared by every replica through counters in Redis.
 * Small limits are counted in Redis on every request (one atomic script call), so they are exact; large
 * limits are counted locally and added to Redis in batches every flush interval, so a busy endpoint pays
 * no round trip per request and replicas still share one counter (overshoot is bounded by one interval).
 */
@ApplicationScoped
public class RateLimiter {
    static final String PREFIX = "wb:rl:";
    private static final String WINDOW_SECONDS = "60";
    private static final String EXPIRY_SECONDS = "120";
    private static final String ADD_SCRIPT = """
            local count = redis.call('INCRBY', KEYS[1], ARGV[1])
            if count == tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return count""";

    public enum LimitClass { STANDARD, EXPENSIVE }

    /** The outcome for one request, with what the RateLimit headers report. */
    public record Decision(boolean allowed, boolean limiterUnavailable, String policy, long limit, long remaining,
                           long resetSeconds) {
    }

    private final ReactiveRedisDataSource redis;
    private final AccessConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final Map<String, BatchedCounter> batched = new ConcurrentHashMap<>();
    private final AtomicBoolean redisReachable = new AtomicBoolean(true);
    private long timerId = -1;

    public RateLimiter(ReactiveRedisDataSource redis, AccessConfig config, Vertx vertx) {
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
        this.clock = Clock.systemUTC();
    }

    private static final class BatchedCounter {
        final String redisKey;
        final long window;
        final AtomicLong pending = new AtomicLong();
        volatile long known;

        BatchedCounter(String redisKey, long window) {
            this.redisKey = redisKey;
            this.window = window;
        }
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.flushInterval().toMillis(), id -> flush());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public Uni<Decision> check(String tenantId, String tierName, LimitClass limitClass) {
        AccessConfig.Tier tier = config.tiers().get(tierName);
        if (tier == null) {
            return Uni.createFrom().item(new Decision(false, false, tierName, 0, 0, 60));
        }
        long limit = limitClass == LimitClass.EXPENSIVE ? tier.expensivePerMinute() : tier.requestsPerMinute();
        long nowSeconds = clock.instant().getEpochSecond();
        long window = nowSeconds / 60;
        long reset = 60 - nowSeconds % 60;
        String policy = tierName + "-" + limitClass.name().toLowerCase();
        String key = PREFIX + tenantId + ":" + limitClass.name().toLowerCase() + ":" + window;
        if (limit >= config.exactBelow()) {
            return Uni.createFrom().item(batchedDecision(key, window, limit, reset, policy, tier));
        }
        return redis.execute("EVAL", ADD_SCRIPT, "1", key, "1", EXPIRY_SECONDS)
                .map(response -> {
                    redisReachable.set(true);
                    long count = response.toLong();
                    return new Decision(count <= limit, false, policy, limit, Math.max(0, limit - count), reset);
                })
                .onFailure().recoverWithItem(failure -> {
                    redisReachable.set(false);
                    Log.warnf("rate limiter cannot reach Redis (%s); tier %s %s", failure.getClass().getSimpleName(),
                            tierName, tier.whenRedisDown() == AccessConfig.WhenRedisDown.ALLOW ? "fails open" : "fails closed");
                    return unavailable(tier, policy, limit, reset);
                });
    }

    private Decision batchedDecision(String key, long window, long limit, long reset, String policy,
                                     AccessConfig.Tier tier) {
        if (!redisReachable.get() && tier.whenRedisDown() == AccessConfig.WhenRedisDown.REJECT) {
            return unavailable(tier, policy, limit, reset);
        }
        BatchedCounter counter = batched.computeIfAbsent(key, k -> new BatchedCounter(k, window));
        long used = counter.known + counter.pending.incrementAndGet();
        if (used > limit) {
            counter.pending.decrementAndGet();
            return new Decision(false, false, policy, limit, 0, reset);
        }
        return new Decision(true, false, policy, limit, limit - used, reset);
    }

    private static Decision unavailable(AccessConfig.Tier tier, String policy, long limit, long reset) {
        boolean allow = tier.whenRedisDown() == AccessConfig.WhenRedisDown.ALLOW;
        return new Decision(allow, !allow, policy, limit, allow ? limit : 0, allow ? reset : 5);
    }

    private void flush() {
        long currentWindow = clock.instant().getEpochSecond() / 60;
        batched.values().removeIf(counter -> counter.window < currentWindow && counter.pending.get() == 0);
        for (BatchedCounter counter : batched.values()) {
            long delta = counter.pending.getAndSet(0);
            if (delta == 0 && counter.window < currentWindow) {
                continue;
            }
            redis.execute("EVAL", ADD_SCRIPT, "1", counter.redisKey, String.valueOf(delta), EXPIRY_SECONDS)
                    .subscribe().with(
                            response -> {
                                redisReachable.set(true);
                                counter.known = response.toLong();
                            },
                            failure -> {
                                redisReachable.set(false);
                                counter.pending.addAndGet(delta);
                            });
        }
    }

    /** The fixed window's length, for the RateLimit-Policy header. */
    public static String windowSeconds() {
        return WINDOW_SECONDS;
    }
}
