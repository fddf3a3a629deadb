package dev.whiteboard.estimation.rest;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.api.problem.ProblemResponses;
import dev.whiteboard.estimation.domain.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An input the arithmetic refuses is a 400 problem naming the field. */
public class InvalidInputMapper {

    static ProblemException problem(InvalidInputException e) {
        return ProblemException.badRequest(e.field(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri) {
        return ProblemResponses.of(problem(e), "/" + uri.getPath().replaceFirst("^/", ""));
    }
}
