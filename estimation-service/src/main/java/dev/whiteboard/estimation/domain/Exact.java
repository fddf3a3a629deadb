package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal arithmetic for the estimates. Integers stay exact however large (products of inputs up
 * to 10^12 writes and 10^10-byte objects need 28 digits); a value with a fraction, such as a rate
 * divided by 86,400 s, is kept to 17 significant digits, more than a double holds.
 */
public final class Exact {
    public static final MathContext FRACTION = new MathContext(17, RoundingMode.HALF_EVEN);

    private Exact() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return tidy(dividend.divide(divisor, FRACTION));
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return tidy(a.multiply(b));
    }

    /** Trailing fraction zeros dropped, and a value with a fraction rounded to 17 significant digits. */
    public static BigDecimal tidy(BigDecimal value) {
        if (value.scale() <= 0) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0 && stripped.precision() > FRACTION.getPrecision()) {
            return stripped.round(FRACTION).stripTrailingZeros();
        }
        return stripped;
    }
}
