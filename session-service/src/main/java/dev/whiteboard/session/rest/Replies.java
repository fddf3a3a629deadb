package dev.whiteboard.session.rest;

import dev.whiteboard.session.service.Reply;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Writes a stored or fresh write response; a replay says so in {@code Idempotent-Replayed}. */
final class Replies {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private Replies() {
    }

    static Response toResponse(Reply reply) {
        Response.ResponseBuilder response = Response.status(reply.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(reply.body());
        if (reply.location() != null) {
            response.header(HttpHeaders.LOCATION, reply.location());
        }
        if (reply.etag() != null) {
            response.header(HttpHeaders.ETAG, reply.etag());
        }
        if (reply.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
