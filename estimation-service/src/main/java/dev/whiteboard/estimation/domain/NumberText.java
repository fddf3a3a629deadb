package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers are written: plainly for JSON, with grouped digits in formulas, and to three
 * significant digits with a unit prefix for people. Digits are written straight from the decimal's
 * unscaled value, since this runs some fifty times per estimate.
 */
public final class NumberText {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
    private static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_EVEN);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final int MAX_PREFIX = 10;
    private static final int MAX_COMPACT_DIGITS = 18;
    private static final BigDecimal[] POWERS_OF_1024 = new BigDecimal[MAX_PREFIX + 1];
    private static final double[] DOUBLE_POWERS_OF_1000 = new double[MAX_PREFIX + 1];
    private static final double[] DOUBLE_POWERS_OF_1024 = new double[MAX_PREFIX + 1];
    private static final double[] DOUBLE_POWERS_OF_10 = new double[23];
    private static final long[] LONG_POWERS_OF_10 = new long[19];
    /** Beyond this distance from a rounding tie, a double decides three digits as exact decimals would. */
    private static final double TIE_MARGIN = 1e-6;

    static {
        BigDecimal power = BigDecimal.ONE;
        for (int i = 0; i <= MAX_PREFIX; i++) {
            POWERS_OF_1024[i] = power;
            power = power.multiply(BigDecimal.valueOf(1024));
            DOUBLE_POWERS_OF_1000[i] = Double.parseDouble("1e" + (3 * i));
            DOUBLE_POWERS_OF_1024[i] = Math.scalb(1.0, 10 * i);
        }
        for (int i = 0; i < DOUBLE_POWERS_OF_10.length; i++) {
            DOUBLE_POWERS_OF_10[i] = Double.parseDouble("1e" + i);
        }
        long ten = 1;
        for (int i = 0; i < LONG_POWERS_OF_10.length; i++) {
            LONG_POWERS_OF_10[i] = ten;
            ten *= 10;
        }
    }

    private NumberText() {
    }

    /** The exact value with thousands separators: {@code 100000000} becomes {@code 100,000,000}. */
    public static String grouped(BigDecimal value) {
        StringBuilder out = new StringBuilder(32);
        appendPlain(out, value, true);
        return out.toString();
    }

    /**
     * Appends the exact value without exponent or trailing fraction zeros ({@code 1E+3} as
     * {@code 1000}, {@code 2.50} as {@code 2.5}), with thousands separators when {@code grouped}.
     */
    public static void appendPlain(StringBuilder out, BigDecimal value, boolean grouped) {
        if (value.signum() < 0) {
            out.append('-');
            value = value.negate();
        }
        if (value.precision() > MAX_COMPACT_DIGITS) {
            appendPlainString(out, value, grouped);
            return;
        }
        int scale = value.scale();
        long unscaled = scale == 0 ? value.longValue() : value.movePointRight(scale).longValue();
        if (scale > 0) {
            while (scale > 0 && unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
        }
        appendDigits(out, unscaled, scale, grouped);
    }

    /** Writes {@code unscaled × 10^-scale}; the fraction has no trailing zeros when it arrives here. */
    private static void appendDigits(StringBuilder out, long unscaled, int scale, boolean grouped) {
        if (scale <= 0) {
            appendInteger(out, unscaled, -scale, grouped);
            return;
        }
        if (scale >= LONG_POWERS_OF_10.length) {
            out.append("0.");
            for (int zeros = scale - digitCount(unscaled); zeros > 0; zeros--) {
                out.append('0');
            }
            out.append(unscaled);
            return;
        }
        long divisor = LONG_POWERS_OF_10[scale];
        long fraction = unscaled % divisor;
        appendInteger(out, unscaled / divisor, 0, grouped);
        out.append('.');
        for (int zeros = scale - digitCount(fraction); zeros > 0; zeros--) {
            out.append('0');
        }
        out.append(fraction);
    }

    /** The digits of a whole number followed by {@code zeros} zeros, grouped by three when asked. */
    private static void appendInteger(StringBuilder out, long value, int zeros, boolean grouped) {
        int start = out.length();
        out.append(value);
        for (int i = 0; i < zeros; i++) {
            out.append('0');
        }
        if (grouped) {
            for (int comma = out.length() - 3; comma > start; comma -= 3) {
                out.insert(comma, ',');
            }
        }
    }

    private static int digitCount(long value) {
        int digits = 1;
        while (digits < LONG_POWERS_OF_10.length && value >= LONG_POWERS_OF_10[digits]) {
            digits++;
        }
        return digits;
    }

    /** A value of more than 18 digits: only its significant digits go through BigInteger's conversion. */
    private static void appendPlainString(StringBuilder out, BigDecimal value, boolean grouped) {
        BigDecimal stripped = value.stripTrailingZeros();
        int start = out.length();
        if (stripped.scale() <= 0) {
            out.append(stripped.unscaledValue());
            for (int i = stripped.scale(); i < 0; i++) {
                out.append('0');
            }
        } else {
            out.append(stripped.toPlainString());
        }
        if (grouped) {
            int dot = out.indexOf(".", start);
            for (int comma = (dot < 0 ? out.length() : dot) - 3; comma > start; comma -= 3) {
                out.insert(comma, ',');
            }
        }
    }

    /**
     * Appends a value as a formula shows it: an integer exactly, a value of 1 or more to two decimals
     * (fewer past 13 integer digits), a smaller one to three significant digits. Returns whether
     * what was shown is rounded.
     */
    static boolean appendShown(StringBuilder out, BigDecimal value) {
        int scale = value.scale();
        if (scale <= 0) {
            appendPlain(out, value, true);
            return false;
        }
        if (value.signum() < 0 || value.precision() > MAX_COMPACT_DIGITS || scale >= LONG_POWERS_OF_10.length) {
            return appendShownDecimal(out, value);
        }
        long unscaled = value.movePointRight(scale).longValue();
        int drop = unscaled >= LONG_POWERS_OF_10[scale]
                ? scale - fractionDigitsShown(digitCount(unscaled) - scale)
                : digitCount(unscaled) - 3;
        if (drop <= 0) {
            appendDigits(out, unscaled, scale, true);
            return false;
        }
        long unit = LONG_POWERS_OF_10[drop];
        long remainder = unscaled % unit;
        long kept = unscaled / unit + (remainder * 2 >= unit ? 1 : 0);
        int keptScale = scale - drop;
        while (keptScale > 0 && kept % 10 == 0) {
            kept /= 10;
            keptScale--;
        }
        appendDigits(out, kept, keptScale, true);
        return remainder != 0;
    }

    /** Two decimals, fewer for large values, so no more than 15 significant digits are shown. */
    private static int fractionDigitsShown(int integerDigits) {
        return Math.max(0, Math.min(2, 15 - integerDigits));
    }

    private static boolean appendShownDecimal(StringBuilder out, BigDecimal value) {
        BigDecimal shown = value.abs().compareTo(BigDecimal.ONE) >= 0
                ? value.setScale(fractionDigitsShown(value.precision() - value.scale()), RoundingMode.HALF_UP)
                : value.round(THREE_DIGITS);
        appendPlain(out, shown, true);
        return shown.compareTo(value) != 0;
    }

    /**
     * Three significant digits with the largest prefix that leaves at least 1: {@code 1.27 TB}, or
     * with powers of 1,024, {@code 1.16 TiB}. {@code prefixes[k]} names the k-th power of the base.
     * Worked out in doubles, and in decimals when the value sits on a rounding tie.
     */
    static String human(BigDecimal value, boolean binary, String[] prefixes, String suffix) {
        String fast = humanFast(approximately(value), binary, prefixes, suffix);
        return fast != null ? fast : humanExact(value, binary, prefixes, suffix);
    }

    /** A double within a few units in the last place, cheaper than the correctly rounded one. */
    private static double approximately(BigDecimal value) {
        int precision = value.precision();
        if (precision <= 15) {
            return value.doubleValue();
        }
        if (precision > MAX_COMPACT_DIGITS) {
            int scale = value.scale();
            double unscaled = value.unscaledValue().doubleValue();
            return scale > -DOUBLE_POWERS_OF_10.length && scale < DOUBLE_POWERS_OF_10.length
                    ? (scale >= 0 ? unscaled / DOUBLE_POWERS_OF_10[scale] : unscaled * DOUBLE_POWERS_OF_10[-scale])
                    : value.doubleValue();
        }
        int scale = value.scale();
        double unscaled = scale == 0 ? value.longValue() : value.movePointRight(scale).longValue();
        if (scale > 0 && scale < DOUBLE_POWERS_OF_10.length) {
            return unscaled / DOUBLE_POWERS_OF_10[scale];
        }
        if (scale < 0 && -scale < DOUBLE_POWERS_OF_10.length) {
            return unscaled * DOUBLE_POWERS_OF_10[-scale];
        }
        return value.doubleValue();
    }

    private static String humanFast(double value, boolean binary, String[] prefixes, String suffix) {
        if (!(value >= 1) || value >= 1e300) {
            return null;
        }
        double[] powers = binary ? DOUBLE_POWERS_OF_1024 : DOUBLE_POWERS_OF_1000;
        int top = prefixes.length - 1;
        int k = 0;
        while (k < top && value >= powers[k + 1]) {
            k++;
        }
        double scaled = value / powers[k];
        int integerDigits = 1;
        while (integerDigits < 22 && scaled >= DOUBLE_POWERS_OF_10[integerDigits]) {
            integerDigits++;
        }
        int decimals = 3 - integerDigits;
        double shifted = decimals >= 0 ? scaled * DOUBLE_POWERS_OF_10[decimals] : scaled / DOUBLE_POWERS_OF_10[-decimals];
        double fraction = shifted - Math.floor(shifted);
        if (Math.abs(fraction - 0.5) < TIE_MARGIN) {
            return null;
        }
        long digits = Math.round(shifted);
        if (digits >= 1000) {
            // rounding carried into one more digit: 9.996 shows as 10.0, 999.6 as 1,000
            digits /= 10;
            decimals--;
        }
        if (!binary && k < top && decimals == -1 && digits == 100) {
            k++;
            digits = 1;
            decimals = 0;
        }
        StringBuilder out = new StringBuilder(32);
        if (decimals > 0) {
            int scale = decimals;
            while (scale > 0 && digits % 10 == 0) {
                digits /= 10;
                scale--;
            }
            appendDigits(out, digits, scale, true);
        } else {
            appendInteger(out, digits, -decimals, true);
        }
        return out.append(prefixes[k]).append(suffix).toString();
    }

    /** The same rendering in decimal arithmetic throughout: the reference the fast one is tested against. */
    static String humanExact(BigDecimal value, boolean binary, String[] prefixes, String suffix) {
        int top = prefixes.length - 1;
        int k = 0;
        while (k < top && value.compareTo(power(binary, k + 1)) >= 0) {
            k++;
        }
        BigDecimal scaled = k == 0 ? value
                : binary ? value.divide(POWERS_OF_1024[k], DIVISION) : value.movePointLeft(3 * k);
        BigDecimal rounded = scaled.round(THREE_DIGITS);
        if (k < top && rounded.compareTo(binary ? POWERS_OF_1024[1] : THOUSAND) >= 0) {
            k++;
            rounded = BigDecimal.ONE;
        }
        StringBuilder out = new StringBuilder(32);
        appendPlain(out, rounded, true);
        return out.append(prefixes[k]).append(suffix).toString();
    }

    private static BigDecimal power(boolean binary, int k) {
        return binary ? POWERS_OF_1024[k] : BigDecimal.ONE.movePointRight(3 * k);
    }
}
