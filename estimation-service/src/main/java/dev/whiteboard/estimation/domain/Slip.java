package dev.whiteboard.estimation.domain;

/**
 * A known way to get a figure wrong, as the factor it puts on the result: candidate ≈ computed ×
 * factor. {@code fine} marks factors close to 1 (decimal against binary prefixes), which only
 * count when the candidate matches them closely.
 */
record Slip(double factor, String description, boolean fine) {

    static Slip of(double factor, String description) {
        return new Slip(factor, description, false);
    }

    static Slip fine(double factor, String description) {
        return new Slip(factor, description, true);
    }
}
