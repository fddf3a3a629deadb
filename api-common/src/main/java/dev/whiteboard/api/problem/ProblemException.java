package dev.whiteboard.api.problem;

import java.util.List;
import java.util.Map;

/** A failure with an HTTP status that is rendered as problem+json; thrown by services and resources. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail, String field) {
        this(status, title, detail, field == null ? List.of() : List.of(new Problem.FieldError(field, detail)), Map.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "Bad Request", field == null ? detail : field + ": " + detail, field == null
                ? List.of() : List.of(new Problem.FieldError(field, detail)), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition Failed", detail, "If-Match");
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail, null);
    }

    public static ProblemException payloadTooLarge(String field, String detail) {
        return new ProblemException(413, "Content Too Large", detail, field);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "ApiKey header=\"X-API-Key\""));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "Service Unavailable", detail, List.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem("about:blank", title, status, getMessage(), instance, errors.isEmpty() ? null : errors);
    }
}
