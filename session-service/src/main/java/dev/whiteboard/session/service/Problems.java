package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.domain.RuleViolation;

import java.util.List;
import java.util.Map;

/** Turns the domain's refusals into problem responses: invalid 400, too large 413, conflict 409. */
final class Problems {

    private Problems() {
    }

    static Throwable from(Throwable failure) {
        if (!(failure instanceof RuleViolation violation)) {
            return failure;
        }
        List<Problem.FieldError> errors = violation.problems().stream()
                .filter(p -> p.field() != null)
                .map(p -> new Problem.FieldError(p.field(), p.message()))
                .toList();
        return switch (violation.reason()) {
            case INVALID -> new ProblemException(400, "Bad Request", violation.getMessage(), errors, Map.of());
            case TOO_LARGE -> new ProblemException(413, "Content Too Large", violation.getMessage(), errors, Map.of());
            case CONFLICT -> new ProblemException(409, "Conflict", violation.getMessage(), errors, Map.of());
        };
    }
}
