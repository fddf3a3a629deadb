package dev.whiteboard.session.rest;

import dev.whiteboard.api.access.CurrentTenant;
import dev.whiteboard.session.service.SessionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;

/**
 * Answers 404 (problem+json) before an event stream opens when the caller has no such session: once an
 * event stream has started, its status can no longer change.
 */
public class StreamedSessionGuard {
    private final SessionService sessions;
    private final CurrentTenant currentTenant;

    public StreamedSessionGuard(SessionService sessions, CurrentTenant currentTenant) {
        this.sessions = sessions;
        this.currentTenant = currentTenant;
    }

    @StreamedSession
    @ServerRequestFilter
    public Uni<Response> requireSession(ContainerRequestContext request) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        UUID sessionId;
        try {
            sessionId = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().nullItem();
        }
        return sessions.get(currentTenant.id(), sessionId).replaceWith((Response) null);
    }
}
