package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/**
 * The accepted range of every input: positive, with lower bounds that keep the decimal arithmetic
 * small and upper bounds well past the largest real systems (10^12 writes a day, 10 GB objects).
 */
public final class InputLimits {
    public static final BigDecimal MAX_WRITES_PER_DAY = new BigDecimal("1E12");

    public static final Range DAILY_ACTIVE_USERS = new Range("dailyActiveUsers", "1", "1E10");
    public static final Range WRITES_PER_USER_PER_DAY = new Range("writesPerUserPerDay", "0.000001", "1E6");
    public static final Range READS_PER_WRITE = new Range("readsPerWrite", "0.000001", "1E6");
    public static final Range WRITE_SIZE_BYTES = new Range("writeSizeBytes", "1", "1E10");
    public static final Range READ_SIZE_BYTES = new Range("readSizeBytes", "1", "1E10");
    public static final Range RETENTION_YEARS = new Range("retentionYears", "0.001", "100");
    public static final Range REPLICATION_FACTOR = new Range("replicationFactor", "1", "10");
    public static final Range PEAK_FACTOR = new Range("peakFactor", "1", "100");
    public static final Range CACHE_FRACTION = new Range("cacheFraction", "0.000001", "1");
    public static final Range SERVER_CAPACITY_QPS = new Range("serverCapacityQps", "0.001", "1E9");
    public static final Range SHARD_CAPACITY_BYTES = new Range("shardCapacityBytes", "1", "1E18");

    private InputLimits() {
    }

    /** The largest absolute write count for a period: 10^12 writes a day, counted in plain days. */
    public static Range writes(Period per) {
        return switch (per) {
            case SECOND -> new Range("writes", "0.000001", "1E7");
            case DAY -> new Range("writes", "0.000001", "1E12");
            case MONTH -> new Range("writes", "0.000001", "3E13");
            case YEAR -> new Range("writes", "0.000001", "3.65E14");
        };
    }

    /** An inclusive range for one field. */
    public record Range(String field, BigDecimal min, BigDecimal max) {
        Range(String field, String min, String max) {
            this(field, new BigDecimal(min), new BigDecimal(max));
        }

        public BigDecimal check(BigDecimal value) {
            if (value.compareTo(min) < 0) {
                throw new InvalidInputException(field, "must be at least " + NumberText.grouped(min)
                        + (value.signum() <= 0 ? " (a positive number)" : ""));
            }
            if (value.compareTo(max) > 0) {
                throw new InvalidInputException(field, "must be at most " + NumberText.grouped(max));
            }
            return value;
        }
    }
}
