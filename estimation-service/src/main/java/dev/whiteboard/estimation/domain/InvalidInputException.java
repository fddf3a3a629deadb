package dev.whiteboard.estimation.domain;

/** An input outside what an estimate accepts; names the field as the API spells it. */
public final class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
