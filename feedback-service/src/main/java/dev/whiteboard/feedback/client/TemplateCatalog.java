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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Templates, cache-aside in Redis: read the cache, on a miss read session-service and fill the cache with
 * a TTL. Redis is an accelerator only: when it fails or is slow, templates come from session-service and
 * scoring goes on. Publishing a template version invalidates what was cached for it.
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
    /** The last body read per key and what it parsed to: an unchanged body is not parsed again. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String body, TemplateSpec spec) {
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
    }

    public Uni<TemplateSpec> template(TemplateRef ref) {
        String key = PREFIX + ref.cacheKeySuffix();
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
                            return Uni.createFrom().item(spec);
                        }
                    }
                    misses.increment();
                    return load(ref, key);
                });
    }

    private Uni<TemplateSpec> load(TemplateRef ref, String key) {
        return client.fetch(ref).chain(body -> {
            TemplateSpec spec = parse(key, body);
            Duration ttl = ref.version() == null ? config.templates().latestCacheTtl() : config.templates().cacheTtl();
            return values.setex(key, ttl.toSeconds(), body)
                    .ifNoItem().after(CACHE_TIMEOUT).fail()
                    .onFailure().invoke(() -> cacheErrors.increment())
                    .onFailure().recoverWithNull()
                    .replaceWith(spec);
        });
    }

    /** Forgets a published version and what "latest" pointed at. */
    public Uni<Void> invalidate(String templateId, int version) {
        return keys.del(PREFIX + templateId + ":" + version, PREFIX + templateId + ":latest")
                .ifNoItem().after(CACHE_TIMEOUT).fail()
                .onFailure().invoke(failure -> {
                    cacheErrors.increment();
                    Log.warnf("could not invalidate template %s version %d in Redis: %s", templateId, version,
                            failure.toString());
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
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
