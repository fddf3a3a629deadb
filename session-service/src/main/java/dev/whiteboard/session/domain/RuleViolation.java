package dev.whiteboard.session.domain;

import java.util.List;

/** A request that the domain rules refuse, with the reason (which becomes the HTTP status) and the fields. */
public class RuleViolation extends RuntimeException {

    public enum Reason {
        /** The input is malformed or out of range. */
        INVALID,
        /** The input is larger than allowed. */
        TOO_LARGE,
        /** The input is fine but the session's current state does not allow it. */
        CONFLICT
    }

    /** One field that was wrong; {@code field} is null when the problem is not about a field. */
    public record FieldProblem(String field, String message) {
    }

    private final Reason reason;
    private final List<FieldProblem> problems;

    public RuleViolation(Reason reason, String detail, List<FieldProblem> problems) {
        super(detail, null, false, false);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public static RuleViolation conflict(String detail) {
        return new RuleViolation(Reason.CONFLICT, detail, List.of());
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(Reason.INVALID, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
