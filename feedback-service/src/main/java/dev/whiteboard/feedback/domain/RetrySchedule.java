package dev.whiteboard.feedback.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before attempt n+1 wait a random time in
 * [0, min(cap, base × 2^(n-1))], so that many failing deliveries do not retry in lockstep; bounded to
 * {@code maxAttempts} attempts in all.
 */
public record RetrySchedule(Duration base, Duration cap, int maxAttempts) {

    public RetrySchedule {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("base > 0, cap >= base and maxAttempts >= 1 are required");
        }
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait after {@code attemptsMade} failed attempts; {@code random} yields values in [0, 1). */
    public Duration delayAfter(int attemptsMade, DoubleSupplier random) {
        return Duration.ofMillis(Math.round(ceilingAfter(attemptsMade).toMillis() * random.getAsDouble()));
    }

    /** The upper end of the jittered wait after {@code attemptsMade} failures. */
    public Duration ceilingAfter(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 30));
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
