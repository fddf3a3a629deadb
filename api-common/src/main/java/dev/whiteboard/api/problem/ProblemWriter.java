package dev.whiteboard.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends a request with a problem+json body from a Vert.x filter, before the REST layer sees it (key checks,
 * request guards). The REST layer's own errors go through {@link ProblemMappers}.
 */
public final class ProblemWriter {
    private ProblemWriter() {
    }

    public static void end(RoutingContext rc, ObjectMapper json, ProblemException problem) {
        if (rc.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem.toProblem(rc.normalizedPath()));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
        HttpServerResponse response = rc.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(body);
    }
}
