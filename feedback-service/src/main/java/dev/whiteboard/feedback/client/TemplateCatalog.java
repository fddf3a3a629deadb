package dev.whiteboard.feedback.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.whiteboard.feedback.config.FeedbackConfig;
import dev.whiteboard.feedback.domain.TemplateRef;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Templates, cache-aside in Redis: read the cache, on a miss read session-service and fill the cache with
 * a TTL. Redis is an accelerator only: when it fails or is slow, templates come from session-service and
 * scoring goes on. Publishing a template version invalidates what was cached for it.
 *
 * <p>A pinned version never changes, so the parsed template of one is also kept in this process for the
 * same TTL ({@link #cached}): recomputing a batch of reports then costs no round trip to Redis. "The latest
 * version" is only ever read through Redis, where a publication on any replica invalidates it.
 */
@ApplicationScoped
public class TemplateCatalog {
    static final String PREFIX = "wb:feedback:template:";
    private static final Duration CACHE_TIMEOUT = Duration.ofMillis(300);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final TemplateClient client;
    private final FeedbackConfig config;
    private final ObjectReader templateReader;
    private final Counter hits;
    private final Counter misses;
    private final Counter cacheErrors;
    private final Counter localHits;
    /** The last body read per key and what it parsed to: an unchanged body is not parsed again. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String body, TemplateSpec spec) {
    }

    /** Pinned versions already parsed in this process, until {@code expires} (nanoTime). */
    private final Map<TemplateRef, Pinned> pinned = new ConcurrentHashMap<>();
    static final int PINNED_CAPACITY = 1_000;

    /** Counts invalidations: a read that started before one does not hold what it read. */
    private final AtomicLong invalidations = new AtomicLong();

    private record Pinned(TemplateSpec spec, long expires) {
    }

    public TemplateCatalog(ReactiveRedisDataSource redis, TemplateClient client, FeedbackConfig config,
                           ObjectMapper json, MeterRegistry registry) {
        this.values = redis.value(String.class);
        this.keys = redis.key(String.class);
        this.client = client;
        this.config = config;
        this.templateReader = json.readerFor(TemplateSpec.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.hits = Counter.builder("feedback.template.cache.hits")
                .description("Templates found in the Redis cache").register(registry);
        this.misses = Counter.builder("feedback.template.cache.misses")
                .description("Templates read from session-service because the cache did not have them")
                .register(registry);
        this.cacheErrors = Counter.builder("feedback.template.cache.errors")
                .description("Cache reads or writes that failed (Redis unreachable or slow)").register(registry);
        this.localHits = Counter.builder("feedback.template.cache.local.hits")
                .description("Pinned template versions found parsed in this process, before asking Redis")
                .register(registry);
    }

    /** A pinned version parsed in this process and not yet expired; empty for "latest" or when not held. */
    public Optional<TemplateSpec> cached(TemplateRef ref) {
        if (ref.version() == null) {
            return Optional.empty();
        }
        Pinned held = pinned.get(ref);
        if (held == null || held.expires() - System.nanoTime() < 0) {
            return Optional.empty();
        }
        localHits.increment();
        return Optional.of(held.spec());
    }

    private TemplateSpec hold(TemplateRef ref, TemplateSpec spec, long readSince) {
        if (ref.version() != null && invalidations.get() == readSince) {
            if (pinned.size() >= PINNED_CAPACITY) {
                pinned.clear();
            }
            pinned.put(ref, new Pinned(spec, System.nanoTime() + config.templates().cacheTtl().toNanos()));
        }
        return spec;
    }

    public Uni<TemplateSpec> template(TemplateRef ref) {
        Optional<TemplateSpec> held = cached(ref);
        if (held.isPresent()) {
            return Uni.createFrom().item(held.get());
        }
        String key = PREFIX + ref.cacheKeySuffix();
        long readSince = invalidations.get();
        return values.get(key)
                .ifNoItem().after(CACHE_TIMEOUT).fail()
                .onFailure().recoverWithItem(failure -> {
                    cacheErrors.increment();
                    Log.debugf("template cache unavailable (%s); reading session-service", failure.toString());
                    return null;
                })
                .chain(cached -> {
                    if (cached != null) {
                        TemplateSpec spec = parseOrNull(key, cached);
                        if (spec != null) {
                            hits.increment();
                            return Uni.createFrom().item(hold(ref, spec, readSince));
                        }
                    }
                    misses.increment();
                    return load(ref, key, readSince);
                });
    }

    private Uni<TemplateSpec> load(TemplateRef ref, String key, long readSince) {
        return client.fetch(ref).chain(body -> {
            TemplateSpec spec = hold(ref, parse(key, body), readSince);
            Duration ttl = ref.version() == null ? config.templates().latestCacheTtl() : config.templates().cacheTtl();
            return values.setex(key, ttl.toSeconds(), body)
                    .ifNoItem().after(CACHE_TIMEOUT).fail()
                    .onFailure().invoke(() -> cacheErrors.increment())
                    .onFailure().recoverWithNull()
                    .replaceWith(spec);
        });
    }

    /**
     * Forgets a published version and what "latest" pointed at. The version is dropped from this process
     * before and again after the Redis delete, so a read that got the old body in between does not keep it.
     */
    public Uni<Void> invalidate(String templateId, int version) {
        TemplateRef ref = new TemplateRef(templateId, version);
        forgetPinned(ref);
        return keys.del(PREFIX + templateId + ":" + version, PREFIX + templateId + ":latest")
                .ifNoItem().after(CACHE_TIMEOUT).fail()
                .onFailure().invoke(failure -> {
                    cacheErrors.increment();
                    Log.warnf("could not invalidate template %s version %d in Redis: %s", templateId, version,
                            failure.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid()
                .invoke(() -> forgetPinned(ref));
    }

    private void forgetPinned(TemplateRef ref) {
        invalidations.incrementAndGet();
        pinned.remove(ref);
    }

    private TemplateSpec parse(String key, String body) {
        Parsed known = parsed.get(key);
        if (known != null && known.body().equals(body)) {
            return known.spec();
        }
        try {
            TemplateSpec spec = templateReader.readValue(body);
            parsed.put(key, new Parsed(body, spec));
            return spec;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session-service sent a template that is not valid JSON", e);
        }
    }

    private TemplateSpec parseOrNull(String key, String body) {
        try {
            return parse(key, body);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
