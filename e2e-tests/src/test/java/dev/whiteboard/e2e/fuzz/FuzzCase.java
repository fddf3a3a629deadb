package dev.whiteboard.e2e.fuzz;

/** What one generated request gets wrong, and how often it is chosen relative to the others. */
public enum FuzzCase {
    VALID(8, Needs.NOTHING),
    WRONG_TYPE(10, Needs.BODY),
    MISSING_REQUIRED(6, Needs.BODY),
    EXTRA_FIELD(5, Needs.BODY),
    NULL_VALUE(4, Needs.BODY),
    HUGE_NUMBER(6, Needs.BODY),
    NEGATIVE_NUMBER(5, Needs.BODY),
    NON_FINITE_LITERAL(4, Needs.BODY),
    LONG_STRING(3, Needs.BODY),
    ODD_STRING(5, Needs.BODY),
    NON_UTF8(4, Needs.BODY),
    MALFORMED_JSON(7, Needs.BODY),
    WRONG_ROOT(3, Needs.BODY),
    DEEP_NESTING(1, Needs.BODY),
    EMPTY_BODY(3, Needs.BODY),
    WRONG_CONTENT_TYPE(5, Needs.BODY),
    OVERSIZED_BODY(1, Needs.BODY),
    BAD_HEADERS(6, Needs.NOTHING),
    PATH_INJECTION(8, Needs.NOTHING),
    BAD_QUERY(5, Needs.NOTHING),
    NO_KEY(4, Needs.NOTHING),
    BAD_KEY(4, Needs.NOTHING),
    WRONG_METHOD(3, Needs.NOTHING);

    enum Needs { NOTHING, BODY }

    private final int weight;
    private final Needs needs;

    FuzzCase(int weight, Needs needs) {
        this.weight = weight;
        this.needs = needs;
    }

    int weight() {
        return weight;
    }

    boolean appliesTo(OpenApiDocument.Operation operation) {
        return needs == Needs.NOTHING || operation.takesBody();
    }
}
