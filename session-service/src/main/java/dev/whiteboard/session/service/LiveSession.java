package dev.whiteboard.session.service;

import dev.whiteboard.session.domain.Nudge;
import dev.whiteboard.session.domain.NudgeSchedule;
import dev.whiteboard.session.domain.SessionState;
import dev.whiteboard.session.messaging.SessionChangeFeed;
import dev.whiteboard.session.repository.OutboxEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One open stream of one session. Its state is touched only on its own Vert.x context, so refreshes,
 * timers and the end of the stream never race.
 */
final class LiveSession {
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /** The payload of a nudge event. */
    record NudgeNotice(UUID sessionId, String phase, Nudge.Kind kind, long elapsedSeconds, int maxMinutes, Instant at) {
    }

    private record Update(List<OutboxEntity> events, SessionSnapshot snapshot) {
    }

    private final String tenantId;
    private final UUID sessionId;
    private final MultiEmitter<? super SessionStreams.StreamItem> emitter;
    private final Vertx vertx;
    private final SessionStreams streams;
    private final Context context;
    private SessionChangeFeed.Watch watch;
    private SessionState state;
    private long lastSent;
    private boolean refreshing;
    private boolean dirty;
    private boolean closed;
    private long timer = -1;
    private Nudge lastNudge;

    LiveSession(String tenantId, UUID sessionId, MultiEmitter<? super SessionStreams.StreamItem> emitter, Vertx vertx,
                SessionStreams streams) {
        this.tenantId = tenantId;
        this.sessionId = sessionId;
        this.emitter = emitter;
        this.vertx = vertx;
        this.streams = streams;
        this.context = vertx.getOrCreateContext();
    }

    /** Sends the snapshot (if any), then whatever happened after {@code replayAfter}, then keeps following. */
    void begin(SessionStreams.StreamItem snapshotItem, SessionSnapshot snapshot, long replayAfter) {
        watch = streams.feed().watch(sessionId, this::changed);
        emitter.onTermination(() -> context.runOnContext(ignored -> close()));
        context.runOnContext(ignored -> {
            if (snapshotItem != null) {
                emitter.emit(snapshotItem);
            }
            state = snapshot.state();
            lastSent = replayAfter;
            refresh();
        });
    }

    private void changed() {
        context.runOnContext(ignored -> {
            if (closed) {
                return;
            }
            if (refreshing) {
                dirty = true;
            } else {
                refresh();
            }
        });
    }

    private void refresh() {
        refreshing = true;
        dirty = false;
        long after = lastSent;
        // a database session is bound to its Vert.x context: each read gets a fresh one of its own
        Context isolated = VertxContext.createNewDuplicatedContext(context);
        VertxContextSafetyToggle.setContextSafe(isolated, true);
        isolated.runOnContext(start -> Panache.withSession(() -> streams.outbox().sessionEventsAfter(sessionId, after)
                        .chain(events -> streams.sessions().get(tenantId, sessionId).map(s -> new Update(events, s))))
                .subscribe().with(
                        update -> context.runOnContext(ignored -> apply(update)),
                        failure -> context.runOnContext(ignored -> failed(failure))));
    }

    private void apply(Update update) {
        refreshing = false;
        if (closed) {
            return;
        }
        for (OutboxEntity event : update.events()) {
            if (event.sequence > lastSent) {
                emitter.emit(new SessionStreams.StreamItem(event.type, String.valueOf(event.sequence), event.envelope));
                lastSent = event.sequence;
            }
        }
        state = update.snapshot().state();
        if (state.status().finished() && lastSent >= update.snapshot().lastSequence()) {
            emitter.complete();
            return;
        }
        schedule();
        if (dirty) {
            refresh();
        }
    }

    private void failed(Throwable failure) {
        refreshing = false;
        if (closed) {
            return;
        }
        Log.warnf("session stream %s could not read its changes: %s", sessionId, failure.getMessage());
        vertx.setTimer(RETRY_AFTER_FAILURE.toMillis(), ignored -> changed());
    }

    private void schedule() {
        cancelTimer();
        Instant now = streams.clock().now();
        NudgeSchedule.next(state, now).ifPresent(nudge -> {
            long delay = Math.max(1, Duration.between(now, nudge.dueAt()).toMillis());
            timer = vertx.setTimer(delay, ignored -> context.runOnContext(again -> fire(nudge)));
        });
    }

    private void fire(Nudge nudge) {
        timer = -1;
        if (closed) {
            return;
        }
        boolean repeated = lastNudge != null && lastNudge.kind() == nudge.kind() && lastNudge.phase().equals(nudge.phase());
        if (!repeated && state.currentPhase() != null) {
            lastNudge = nudge;
            Instant now = streams.clock().now();
            emitter.emit(streams.item("nudge", null, new NudgeNotice(sessionId, nudge.phase(), nudge.kind(),
                    state.elapsedSeconds(state.currentPhase(), now), nudge.maxMinutes(), now)));
        }
        schedule();
    }

    private void close() {
        closed = true;
        cancelTimer();
        if (watch != null) {
            watch.stop();
        }
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
