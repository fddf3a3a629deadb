package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.config.SessionConfig;
import dev.whiteboard.session.domain.PageCursor;
import dev.whiteboard.session.domain.SessionAction;
import dev.whiteboard.session.domain.SessionStatus;
import dev.whiteboard.session.metrics.SessionMetrics;
import dev.whiteboard.session.repository.NoteRepository;
import dev.whiteboard.session.repository.SessionEntity;
import dev.whiteboard.session.repository.SessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sessions as the API offers them. Every write goes through the {@link IdempotentExecutor} (one
 * transaction with its outbox events and its idempotency record); business metrics count what committed.
 */
@ApplicationScoped
public class SessionService {
    private final SessionCommands commands;
    private final IdempotentExecutor executor;
    private final SessionRepository sessions;
    private final NoteRepository notes;
    private final SessionMetrics metrics;
    private final ServerClock clock;
    private final SessionConfig config;

    public SessionService(SessionCommands commands, IdempotentExecutor executor, SessionRepository sessions,
                          NoteRepository notes, SessionMetrics metrics, ServerClock clock, SessionConfig config) {
        this.commands = commands;
        this.executor = executor;
        this.sessions = sessions;
        this.notes = notes;
        this.metrics = metrics;
        this.clock = clock;
        this.config = config;
    }

    /** One page of sessions and the cursor of the next (null on the last page). */
    public record Page(List<SessionSnapshot> sessions, String nextCursor) {
    }

    public Uni<Reply> create(String tenantId, String idempotencyKey, NewSession request,
                             Function<SessionSnapshot, Rendered> render) {
        String fingerprint = executor.fingerprint("POST", "/sessions", request);
        return write(tenantId, idempotencyKey, fingerprint,
                () -> commands.create(tenantId, request, clock.now()).map(c -> rendered(c, render)));
    }

    public Uni<Reply> act(String tenantId, UUID id, SessionAction action, String ifMatch, String idempotencyKey,
                          Function<SessionSnapshot, Rendered> render) {
        String fingerprint = executor.fingerprint("POST", "/sessions/" + id + "/" + action.pathName(), null);
        return write(tenantId, idempotencyKey, fingerprint,
                () -> commands.act(tenantId, id, action, ifMatch, clock.now()).map(c -> rendered(c, render)));
    }

    public Uni<Reply> addNote(String tenantId, UUID id, NewNote request, String ifMatch, String idempotencyKey,
                              Function<NoteSnapshot, Rendered> render) {
        String fingerprint = executor.fingerprint("POST", "/sessions/" + id + "/notes", request);
        return write(tenantId, idempotencyKey, fingerprint,
                () -> commands.addNote(tenantId, id, request, ifMatch, clock.now()).map(c -> rendered(c, render)));
    }

    @WithSession
    public Uni<SessionSnapshot> get(String tenantId, UUID id) {
        return owned(tenantId, id).map(SessionSnapshot::of);
    }

    @WithSession
    public Uni<List<NoteSnapshot>> notes(String tenantId, UUID id) {
        return owned(tenantId, id).chain(session -> notes.forSession(session.id))
                .map(list -> list.stream().map(NoteSnapshot::of).toList());
    }

    @WithSession
    public Uni<NoteSnapshot> note(String tenantId, UUID id, UUID noteId) {
        return owned(tenantId, id).chain(session -> notes.findInSession(session.id, noteId)).map(note -> {
            if (note == null) {
                throw ProblemException.notFound("no note " + noteId + " in session " + id);
            }
            return NoteSnapshot.of(note);
        });
    }

    /** Sessions of the tenant, newest first, optionally of one candidate or in one status. */
    @WithSession
    public Uni<Page> list(String tenantId, String candidateRef, String status, String cursor, Integer limit) {
        SessionStatus wanted = status(status);
        PageCursor after = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor)
                .orElseThrow(() -> ProblemException.badRequest("cursor", "is not a cursor this service issued"));
        int size = limit(limit);
        String candidate = candidateRef == null || candidateRef.isBlank() ? null : candidateRef.strip();
        return sessions.page(tenantId, candidate, wanted, after, size + 1).map(rows -> {
            boolean more = rows.size() > size;
            List<SessionEntity> page = more ? rows.subList(0, size) : rows;
            SessionEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = more ? new PageCursor(last.createdAt, last.id).encode() : null;
            return new Page(page.stream().map(SessionSnapshot::of).toList(), next);
        });
    }

    private Uni<SessionEntity> owned(String tenantId, UUID id) {
        return sessions.findOwned(tenantId, id).map(session -> {
            if (session == null) {
                throw ProblemException.notFound("no session " + id);
            }
            return session;
        });
    }

    private Uni<Reply> write(String tenantId, String idempotencyKey, String fingerprint,
                             Supplier<Uni<Changed<Rendered>>> change) {
        return executor.once(tenantId, idempotencyKey, fingerprint, change)
                .onFailure().transform(Problems::from)
                .invoke(outcome -> metrics.committed(outcome.events()))
                .map(IdempotentExecutor.Outcome::reply);
    }

    private static <T> Changed<Rendered> rendered(Changed<T> changed, Function<T, Rendered> render) {
        return new Changed<>(render.apply(changed.result()), changed.events());
    }

    private static SessionStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SessionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of CREATED, IN_PROGRESS, PAUSED, COMPLETED, ABANDONED");
        }
    }

    private int limit(Integer limit) {
        if (limit == null) {
            return config.paging().defaultLimit();
        }
        if (limit < 1 || limit > config.paging().maxLimit()) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + config.paging().maxLimit());
        }
        return limit;
    }
}
