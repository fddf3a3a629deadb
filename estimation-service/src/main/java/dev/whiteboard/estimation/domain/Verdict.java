package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/** How close a candidate's figure is to the computed one. */
public enum Verdict {
    /** Within 2x either way. */
    ACCURATE,
    /** Within 10x either way. */
    ORDER_OF_MAGNITUDE,
    /** More than 10x away. */
    OFF;

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TENTH = new BigDecimal("0.1");

    public static Verdict of(BigDecimal ratio) {
        if (ratio.compareTo(HALF) >= 0 && ratio.compareTo(TWO) <= 0) {
            return ACCURATE;
        }
        if (ratio.compareTo(TENTH) >= 0 && ratio.compareTo(BigDecimal.TEN) <= 0) {
            return ORDER_OF_MAGNITUDE;
        }
        return OFF;
    }
}
