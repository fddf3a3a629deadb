package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/**
 * How many seconds a day has in an estimate. A month is 30 days and a year 365 days in every
 * convention; ROUNDED_MONTH fixes the month at 2.5 million seconds, so its day is 2,500,000 / 30 s.
 */
public enum TimeConvention {
    /** The template's rule of thumb: a day of 1E5 seconds (86,400 rounded up). */
    ROUNDED_DAY(100_000, 1, "a day is 100,000 s (86,400 rounded up to 1E5)"),
    /** A day of 86,400 seconds. */
    EXACT(86_400, 1, "a day is 86,400 s"),
    /** A month of 2.5 million seconds, the rule several interview guides use. */
    ROUNDED_MONTH(2_500_000, 30, "a month of 30 days is 2,500,000 s (a day about 83,333 s)");

    public static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);
    public static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final BigDecimal secondsPerSpan;
    private final BigDecimal daysPerSpan;
    private final String description;
    private final String divisorText;
    private final String multiplierText;
    private final String assumed;
    private final String assumedByDefault;

    TimeConvention(long secondsPerSpan, int daysPerSpan, String description) {
        this.secondsPerSpan = BigDecimal.valueOf(secondsPerSpan);
        this.daysPerSpan = BigDecimal.valueOf(daysPerSpan);
        this.description = description;
        String seconds = NumberText.grouped(this.secondsPerSpan);
        this.divisorText = daysPerSpan == 1 ? " / " + seconds + " s" : " x " + daysPerSpan + " days / " + seconds + " s";
        this.multiplierText = daysPerSpan == 1 ? " x " + seconds + " s" : " x " + seconds + " s / " + daysPerSpan + " days";
        this.assumed = name() + ": " + description + "; a month is 30 days and a year 365 days";
        this.assumedByDefault = name() + " (default): " + description + "; a month is 30 days and a year 365 days";
    }

    /** A rate per day turned into a rate per second. */
    public BigDecimal perSecond(BigDecimal perDay) {
        return Exact.divide(perDay.multiply(daysPerSpan), secondsPerSpan);
    }

    /** A count over a span of days turned into a rate per second, in one division. */
    public BigDecimal perSecond(BigDecimal count, BigDecimal days) {
        return Exact.divide(count.multiply(daysPerSpan), secondsPerSpan.multiply(days));
    }

    /** A rate per second turned into a rate per day. */
    public BigDecimal perDay(BigDecimal perSecond) {
        return Exact.divide(perSecond.multiply(secondsPerSpan), daysPerSpan);
    }

    public BigDecimal secondsPerDay() {
        return Exact.divide(secondsPerSpan, daysPerSpan);
    }

    public String description() {
        return description;
    }

    /** The assumption an estimate under this convention states. */
    String assumed() {
        return assumed;
    }

    /** The same, when the convention was not asked for but taken by default. */
    String assumedByDefault() {
        return assumedByDefault;
    }

    /** What a per-day figure is divided by in a formula, for example {@code " / 100,000 s"}. */
    String divisorText() {
        return divisorText;
    }

    /**
     * What a count over a month or a year is divided by to give a rate per second, for example
     * {@code " / (30 days x 100,000 s)"}, or under ROUNDED_MONTH {@code " / 2,500,000 s"}.
     */
    String spanDivisorText(int days) {
        String seconds = NumberText.grouped(secondsPerSpan);
        if (daysPerSpan.intValue() == 1) {
            return " / (" + days + " days x " + seconds + " s)";
        }
        if (daysPerSpan.intValue() == days) {
            return " / " + seconds + " s";
        }
        return " x " + daysPerSpan.intValue() + " days / (" + days + " days x " + seconds + " s)";
    }

    /** What a per-second figure is multiplied by in a formula, for example {@code " x 100,000 s"}. */
    String multiplierText() {
        return multiplierText;
    }
}
