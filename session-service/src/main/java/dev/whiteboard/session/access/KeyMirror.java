package dev.whiteboard.session.access;

import dev.whiteboard.api.access.ApiKeyDirectory;
import dev.whiteboard.api.access.KeyGrant;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps Redis's copy of the active keys complete: every key is published when it is issued, and all
 * active keys are published again on start and at a fixed interval, so a Redis that lost its data heals
 * without an operator (decision 0003). Revocation deletes the copy at once.
 */
@ApplicationScoped
public class KeyMirror {
    private final TenantStore store;
    private final ApiKeyDirectory directory;
    private final Vertx vertx;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public KeyMirror(TenantStore store, ApiKeyDirectory directory, Vertx vertx,
                     @ConfigProperty(name = "wb.access.mirror-interval", defaultValue = "30s") Duration interval) {
        this.store = store;
        this.directory = directory;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        vertx.setTimer(500, id -> republishAll());
        timerId = vertx.setPeriodic(interval.toMillis(), id -> republishAll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    public Uni<Void> publish(TenantStore.ActiveKey key) {
        return directory.publish(key.keyHash(), new KeyGrant(key.tenantId(), key.tier(), key.keyId(), key.expiresAt()));
    }

    public Uni<Void> remove(String keyHash) {
        return directory.remove(keyHash);
    }

    /** Publishes every active key; one run at a time, failures are retried on the next tick. */
    void republishAll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Uni<Integer> run = store.activeKeys(Instant.now())
                .chain(keys -> Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(this::publish)
                        .collect().asList()
                        .map(done -> keys.size()))
                .onTermination().invoke(() -> running.set(false));
        run.subscribe().with(
                count -> Log.debugf("key mirror: %d active keys published", count),
                failure -> Log.warnf("key mirror: could not publish the active keys (%s); retrying in %s",
                        failure.getClass().getSimpleName(), interval));
    }
}
