package dev.whiteboard.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.session.messaging.SessionChangeFeed;
import dev.whiteboard.session.repository.OutboxRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Function;

/**
 * Live views of sessions for Server-Sent Events: a snapshot first, then every committed event of the
 * session in sequence order (whichever replica wrote it, see {@link SessionChangeFeed}), and timer nudges
 * at 80 % of the running phase's maximum budget and when it is passed. The stream ends after the session
 * has ended.
 */
@ApplicationScoped
public class SessionStreams {
    private final SessionService sessions;
    private final OutboxRepository outbox;
    private final SessionChangeFeed feed;
    private final ServerClock clock;
    private final Vertx vertx;
    private final ObjectMapper json;

    public SessionStreams(SessionService sessions, OutboxRepository outbox, SessionChangeFeed feed, ServerClock clock,
                          Vertx vertx, ObjectMapper json) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.feed = feed;
        this.clock = clock;
        this.vertx = vertx;
        this.json = json;
    }

    /** One Server-Sent Event: its name, its id (the event sequence; null for nudges) and its JSON data. */
    public record StreamItem(String event, String id, String data) {
    }

    /**
     * The stream of a session of the tenant (404 when there is none): a snapshot ({@code present} gives it
     * the API's shape), then the events after it. A client that reconnects with {@code lastEventId} gets no
     * snapshot but the events after that one.
     */
    public Uni<Multi<StreamItem>> open(String tenantId, UUID id, Long lastEventId,
                                       Function<SessionSnapshot, Object> present) {
        return sessions.get(tenantId, id).map(snapshot -> Multi.createFrom().emitter(emitter -> {
            LiveSession live = new LiveSession(tenantId, id, emitter, vertx, this);
            if (lastEventId == null) {
                live.begin(item("session", String.valueOf(snapshot.lastSequence()), present.apply(snapshot)), snapshot,
                        snapshot.lastSequence());
            } else {
                live.begin(null, snapshot, Math.max(0, Math.min(lastEventId, snapshot.lastSequence())));
            }
        }));
    }

    SessionChangeFeed feed() {
        return feed;
    }

    SessionService sessions() {
        return sessions;
    }

    OutboxRepository outbox() {
        return outbox;
    }

    ServerClock clock() {
        return clock;
    }

    StreamItem item(String event, String id, Object data) {
        try {
            return new StreamItem(event, id, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stream event could not be written as JSON", e);
        }
    }
}
