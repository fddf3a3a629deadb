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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** Adds ARGV[i] to KEYS[i] for every key in one round trip; the keys are all this instance's counters. */
    private static final String ADD_MANY_SCRIPT = """
            local counts = {}
            for i, key in ipairs(KEYS) do
              local count = redis.call('INCRBY', key, ARGV[i])
              if count == tonumber(ARGV[i]) then redis.call('EXPIRE', key, ARGV[#ARGV]) end
              counts[i] = count
            end
            return counts""";
    /** Counters per flush call: one script call per this many tenants' windows. */
    static final int FLUSH_CHUNK = 256;

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
    /** A flush that has not finished yet: the next tick is skipped rather than piling calls onto the pool. */
    private final AtomicBoolean flushing = new AtomicBoolean();
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

    /** Where one request is counted: the tier's limit for its class and the current window's counter. */
    private record Count(AccessConfig.Tier tier, long limit, long window, long reset, String policy, String key) {
    }

    public Uni<Decision> check(String tenantId, String tierName, LimitClass limitClass) {
        Optional<Decision> local = decideLocally(tenantId, tierName, limitClass);
        if (local.isPresent()) {
            return Uni.createFrom().item(local.get());
        }
        Count count = count(tenantId, tierName, limitClass, config.tiers().get(tierName));
        AccessConfig.Tier tier = count.tier();
        long limit = count.limit();
        return redis.execute("EVAL", ADD_SCRIPT, "1", count.key(), "1", EXPIRY_SECONDS)
                .map(response -> {
                    redisReachable.set(true);
                    long used = response.toLong();
                    return new Decision(used <= limit, false, count.policy(), limit, Math.max(0, limit - used),
                            count.reset());
                })
                .onFailure().recoverWithItem(failure -> {
                    redisReachable.set(false);
                    Log.warnf("rate limiter cannot reach Redis (%s); tier %s %s", failure.getClass().getSimpleName(),
                            tierName, tier.whenRedisDown() == AccessConfig.WhenRedisDown.ALLOW ? "fails open" : "fails closed");
                    return unavailable(tier, count.policy(), limit, count.reset());
                });
    }

    /**
     * The decision when it needs no Redis call now: an unknown tier, or a limit large enough to be counted
     * locally and flushed in batches. Empty when the limit is small and counted exactly in Redis.
     */
    public Optional<Decision> decideLocally(String tenantId, String tierName, LimitClass limitClass) {
        AccessConfig.Tier tier = config.tiers().get(tierName);
        if (tier == null) {
            return Optional.of(new Decision(false, false, tierName, 0, 0, 60));
        }
        long limit = limitClass == LimitClass.EXPENSIVE ? tier.expensivePerMinute() : tier.requestsPerMinute();
        if (limit < config.exactBelow()) {
            return Optional.empty();
        }
        Count count = count(tenantId, tierName, limitClass, tier);
        return Optional.of(batchedDecision(count.key(), count.window(), limit, count.reset(), count.policy(), tier));
    }

    private Count count(String tenantId, String tierName, LimitClass limitClass, AccessConfig.Tier tier) {
        long limit = limitClass == LimitClass.EXPENSIVE ? tier.expensivePerMinute() : tier.requestsPerMinute();
        long nowSeconds = clock.instant().getEpochSecond();
        long window = nowSeconds / 60;
        String className = limitClass == LimitClass.EXPENSIVE ? "expensive" : "standard";
        return new Count(tier, limit, window, 60 - nowSeconds % 60, tierName + "-" + className,
                PREFIX + tenantId + ":" + className + ":" + window);
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

    /**
     * Adds what was counted here since the last flush to the shared counters and learns what the other
     * replicas counted (a zero delta still reads the shared count). One script call per chunk of counters,
     * and at most one flush in flight, so many tenants never exhaust the Redis connection pool.
     */
    void flush() {
        if (!flushing.compareAndSet(false, true)) {
            return;
        }
        long currentWindow = clock.instant().getEpochSecond() / 60;
        batched.values().removeIf(counter -> counter.window < currentWindow && counter.pending.get() == 0);
        List<BatchedCounter> counters = new ArrayList<>(batched.values());
        List<Uni<Void>> calls = new ArrayList<>();
        for (int from = 0; from < counters.size(); from += FLUSH_CHUNK) {
            calls.add(flushChunk(counters.subList(from, Math.min(counters.size(), from + FLUSH_CHUNK))));
        }
        if (calls.isEmpty()) {
            flushing.set(false);
            return;
        }
        Uni.join().all(calls).andCollectFailures()
                .onTermination().invoke(() -> flushing.set(false))
                .subscribe().with(done -> { }, failure -> { });
    }

    private Uni<Void> flushChunk(List<BatchedCounter> chunk) {
        long[] deltas = new long[chunk.size()];
        String[] args = new String[3 + 2 * chunk.size()];
        args[0] = ADD_MANY_SCRIPT;
        args[1] = String.valueOf(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            deltas[i] = chunk.get(i).pending.getAndSet(0);
            args[2 + i] = chunk.get(i).redisKey;
            args[2 + chunk.size() + i] = String.valueOf(deltas[i]);
        }
        args[args.length - 1] = EXPIRY_SECONDS;
        return redis.execute("EVAL", args)
                .invoke(response -> {
                    redisReachable.set(true);
                    for (int i = 0; i < chunk.size(); i++) {
                        chunk.get(i).known = response.get(i).toLong();
                    }
                })
                .onFailure().invoke(failure -> {
                    redisReachable.set(false);
                    for (int i = 0; i < chunk.size(); i++) {
                        chunk.get(i).pending.addAndGet(deltas[i]);
                    }
                })
                .replaceWithVoid();
    }

    /** The fixed window's length, for the RateLimit-Policy header. */
    public static String windowSeconds() {
        return WINDOW_SECONDS;
    }
}
