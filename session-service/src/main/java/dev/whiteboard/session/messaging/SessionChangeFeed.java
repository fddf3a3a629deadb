package dev.whiteboard.session.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells this replica about every committed event, whichever replica wrote it: the outbox trigger sends a
 * PostgreSQL NOTIFY ("sessionId:sequence") in the transaction of the change, delivered at commit, and each
 * replica LISTENs on one dedicated connection. Listeners are only told that something changed; they read
 * what changed from the database, so a missed or repeated notification costs nothing but a read. After a
 * reconnection every listener is told, to catch up.
 */
@ApplicationScoped
public class SessionChangeFeed {
    static final String CHANNEL = "whiteboard_session_changes";

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<UUID, Set<Runnable>> sessionListeners = new ConcurrentHashMap<>();
    private final List<Runnable> anyChangeListeners = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;

    public SessionChangeFeed(Vertx vertx,
                             @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") String user,
                             @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user).setPassword(password);
    }

    /** Stops telling one listener. */
    public interface Watch {
        void stop();
    }

    /** Calls {@code onChange} (on an event-loop thread; it must not block) after each change of the session. */
    public Watch watch(UUID sessionId, Runnable onChange) {
        sessionListeners.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> sessionListeners.computeIfPresent(sessionId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /** Calls {@code onChange} after any committed event (the outbox relay uses it to wake up). */
    public void onAnyChange(Runnable onChange) {
        anyChangeListeners.add(onChange);
    }

    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> Math.min(5_000L, 100L << Math.min(retries, 6)));
        subscriber.channel(CHANNEL)
                .handler(this::notified)
                .subscribeHandler(this::everyoneCatchUp);
        subscriber.connect().subscribe().with(
                connected -> Log.debugf("listening for session changes on %s", CHANNEL),
                failure -> Log.errorf("cannot listen for session changes: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    private void notified(String payload) {
        anyChangeListeners.forEach(SessionChangeFeed::safely);
        int colon = payload.indexOf(':');
        if (colon <= 0) {
            return;
        }
        try {
            Set<Runnable> listeners = sessionListeners.get(UUID.fromString(payload.substring(0, colon)));
            if (listeners != null) {
                listeners.forEach(SessionChangeFeed::safely);
            }
        } catch (IllegalArgumentException e) {
            Log.warnf("ignored a session change notification that is not 'sessionId:sequence': %s", payload);
        }
    }

    private void everyoneCatchUp() {
        anyChangeListeners.forEach(SessionChangeFeed::safely);
        sessionListeners.values().forEach(set -> set.forEach(SessionChangeFeed::safely));
    }

    private static void safely(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            Log.warnf(e, "a session change listener failed");
        }
    }
}
