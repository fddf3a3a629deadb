package dev.whiteboard.api.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static Response of(ProblemException e, String instance) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(instance));
        e.headers().forEach(builder::header);
        return builder.build();
    }
}
