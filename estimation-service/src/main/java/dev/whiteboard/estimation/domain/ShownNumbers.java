package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/**
 * The numbers one estimate's formulas have shown so far, kept by identity: a figure's value appears
 * in several formulas (writes a day in four), and is formatted only the first time.
 */
final class ShownNumbers {
    private static final int CAPACITY = 32;

    private final BigDecimal[] values = new BigDecimal[CAPACITY];
    private final String[] texts = new String[CAPACITY];
    private final boolean[] rounded = new boolean[CAPACITY];
    private int size;

    /** Appends the value as {@link NumberText#appendShown} does; returns whether what was shown is rounded. */
    boolean append(StringBuilder out, BigDecimal value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                out.append(texts[i]);
                return rounded[i];
            }
        }
        int start = out.length();
        boolean shownRounded = NumberText.appendShown(out, value);
        if (size < CAPACITY) {
            values[size] = value;
            texts[size] = out.substring(start);
            rounded[size] = shownRounded;
            size++;
        }
        return shownRounded;
    }
}
