package dev.whiteboard.feedback.service;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a background job one run at a time, each run on a fresh duplicated Vert.x context (marked safe for
 * Hibernate Reactive) so that its database session is its own. A wake-up during a run asks for one more run after it.
 */
public final class SerialWorker {
    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<Void>> run;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean stopped;

    public SerialWorker(String name, Vertx vertx, Supplier<Uni<Void>> run) {
        this.name = name;
        this.vertx = vertx;
        this.run = run;
    }

    public void wake() {
        if (stopped) {
            return;
        }
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            start();
        }
    }

    /** No run starts after this (the application is shutting down and its pools are closing). */
    public void stop() {
        stopped = true;
    }

    private void start() {
        wanted.set(false);
        Context current = Vertx.currentContext();
        Context context = VertxContext.createNewDuplicatedContext(current != null ? current : vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            Uni<Void> work;
            try {
                work = run.get();
            } catch (RuntimeException e) {
                finish(e);
                return;
            }
            work.subscribe().with(done -> finish(null), this::finish);
        });
    }

    private void finish(Throwable failure) {
        if (failure != null) {
            Log.warnf("%s run failed: %s", name, failure.toString());
        }
        running.set(false);
        if (!stopped && wanted.get() && running.compareAndSet(false, true)) {
            start();
        }
    }
}
