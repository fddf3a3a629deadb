package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/**
 * A formula with the numbers put in, such as {@code writes/s = 100,000,000 / 100,000 s = 1,000/s};
 * the result is joined with ~ when any number shown is rounded. Formulas of one estimate are
 * written one after another into the same scratch buffer, which each new one clears.
 */
final class Formula {
    private final StringBuilder text;
    private final ShownNumbers shown;
    private boolean approximate;

    Formula(StringBuilder scratch, ShownNumbers shown, String name) {
        this.text = scratch;
        this.shown = shown;
        scratch.setLength(0);
        scratch.append(name).append(" = ");
    }

    Formula number(BigDecimal value) {
        approximate |= shown.append(text, value);
        return this;
    }

    Formula text(String words) {
        text.append(words);
        return this;
    }

    String result(BigDecimal value, String unit) {
        int relation = text.append(" = ").length() - 2;
        approximate |= shown.append(text, value);
        if (approximate) {
            text.setCharAt(relation, '~');
        }
        return text.append(unit).toString();
    }

    /** A figure given in the input rather than computed. */
    String given(String unit) {
        return text.append(unit).append(" (given)").toString();
    }
}
