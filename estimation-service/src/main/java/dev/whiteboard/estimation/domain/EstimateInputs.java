package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Validated inputs of an estimate, defaults applied. Sizes and capacities are optional (null):
 * without them the figures that need them are left out.
 */
public record EstimateInputs(
        Traffic traffic,
        BigDecimal readsPerWrite,
        BigDecimal writeSizeBytes,
        BigDecimal readSizeBytes,
        BigDecimal retentionYears,
        BigDecimal replicationFactor,
        BigDecimal peakFactor,
        BigDecimal cacheFraction,
        TimeConvention convention,
        BigDecimal serverCapacityQps,
        BigDecimal shardCapacityBytes,
        Set<Defaulted> defaulted) {

    public static final BigDecimal DEFAULT_READS_PER_WRITE = BigDecimal.ONE;
    public static final BigDecimal DEFAULT_RETENTION_YEARS = BigDecimal.valueOf(5);
    public static final BigDecimal DEFAULT_REPLICATION_FACTOR = BigDecimal.ONE;
    public static final BigDecimal DEFAULT_PEAK_FACTOR = BigDecimal.ONE;
    public static final BigDecimal DEFAULT_CACHE_FRACTION = new BigDecimal("0.2");
    public static final TimeConvention DEFAULT_CONVENTION = TimeConvention.ROUNDED_DAY;

    /** Inputs that were not given and took their default. */
    public enum Defaulted {
        READS_PER_WRITE, READ_SIZE_BYTES, RETENTION_YEARS, REPLICATION_FACTOR, PEAK_FACTOR, CACHE_FRACTION, TIME_CONVENTION
    }

    /** The read size an estimate uses: the given one, else the write size (null when neither is known). */
    public BigDecimal effectiveReadSizeBytes() {
        return readSizeBytes != null ? readSizeBytes : writeSizeBytes;
    }

    public EstimateInputs withConvention(TimeConvention other) {
        return new EstimateInputs(traffic, readsPerWrite, writeSizeBytes, readSizeBytes, retentionYears,
                replicationFactor, peakFactor, cacheFraction, other, serverCapacityQps, shardCapacityBytes, defaulted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the raw inputs as the API names them; {@link #build()} checks them and applies defaults. */
    public static final class Builder {
        private BigDecimal dailyActiveUsers;
        private BigDecimal writesPerUserPerDay;
        private BigDecimal writes;
        private Period per;
        private BigDecimal readsPerWrite;
        private BigDecimal writeSizeBytes;
        private BigDecimal readSizeBytes;
        private BigDecimal retentionYears;
        private BigDecimal replicationFactor;
        private BigDecimal peakFactor;
        private BigDecimal cacheFraction;
        private TimeConvention convention;
        private BigDecimal serverCapacityQps;
        private BigDecimal shardCapacityBytes;

        private Builder() {
        }

        public Builder dailyActiveUsers(BigDecimal value) {
            dailyActiveUsers = value;
            return this;
        }

        public Builder writesPerUserPerDay(BigDecimal value) {
            writesPerUserPerDay = value;
            return this;
        }

        public Builder writes(BigDecimal value) {
            writes = value;
            return this;
        }

        public Builder per(Period value) {
            per = value;
            return this;
        }

        public Builder readsPerWrite(BigDecimal value) {
            readsPerWrite = value;
            return this;
        }

        public Builder writeSizeBytes(BigDecimal value) {
            writeSizeBytes = value;
            return this;
        }

        public Builder readSizeBytes(BigDecimal value) {
            readSizeBytes = value;
            return this;
        }

        public Builder retentionYears(BigDecimal value) {
            retentionYears = value;
            return this;
        }

        public Builder replicationFactor(BigDecimal value) {
            replicationFactor = value;
            return this;
        }

        public Builder peakFactor(BigDecimal value) {
            peakFactor = value;
            return this;
        }

        public Builder cacheFraction(BigDecimal value) {
            cacheFraction = value;
            return this;
        }

        public Builder convention(TimeConvention value) {
            convention = value;
            return this;
        }

        public Builder serverCapacityQps(BigDecimal value) {
            serverCapacityQps = value;
            return this;
        }

        public Builder shardCapacityBytes(BigDecimal value) {
            shardCapacityBytes = value;
            return this;
        }

        /** The checked inputs; the first input out of range fails with its field named. */
        public EstimateInputs build() {
            Traffic traffic = traffic();
            Set<Defaulted> defaulted = EnumSet.noneOf(Defaulted.class);
            BigDecimal ratio = orDefault(readsPerWrite, InputLimits.READS_PER_WRITE, DEFAULT_READS_PER_WRITE,
                    Defaulted.READS_PER_WRITE, defaulted);
            BigDecimal writeSize = optional(writeSizeBytes, InputLimits.WRITE_SIZE_BYTES);
            BigDecimal readSize = optional(readSizeBytes, InputLimits.READ_SIZE_BYTES);
            if (readSize == null && writeSize != null) {
                defaulted.add(Defaulted.READ_SIZE_BYTES);
            }
            BigDecimal retention = orDefault(retentionYears, InputLimits.RETENTION_YEARS, DEFAULT_RETENTION_YEARS,
                    Defaulted.RETENTION_YEARS, defaulted);
            BigDecimal replication = orDefault(replicationFactor, InputLimits.REPLICATION_FACTOR,
                    DEFAULT_REPLICATION_FACTOR, Defaulted.REPLICATION_FACTOR, defaulted);
            BigDecimal peak = orDefault(peakFactor, InputLimits.PEAK_FACTOR, DEFAULT_PEAK_FACTOR,
                    Defaulted.PEAK_FACTOR, defaulted);
            BigDecimal cache = orDefault(cacheFraction, InputLimits.CACHE_FRACTION, DEFAULT_CACHE_FRACTION,
                    Defaulted.CACHE_FRACTION, defaulted);
            if (convention == null) {
                defaulted.add(Defaulted.TIME_CONVENTION);
            }
            return new EstimateInputs(traffic, ratio, writeSize, readSize, retention, replication, peak, cache,
                    convention == null ? DEFAULT_CONVENTION : convention,
                    optional(serverCapacityQps, InputLimits.SERVER_CAPACITY_QPS),
                    optional(shardCapacityBytes, InputLimits.SHARD_CAPACITY_BYTES),
                    Collections.unmodifiableSet(defaulted));
        }

        private Traffic traffic() {
            boolean perUser = dailyActiveUsers != null || writesPerUserPerDay != null;
            boolean absolute = writes != null || per != null;
            if (perUser && absolute) {
                throw new InvalidInputException(writes != null ? "writes" : "per",
                        "give traffic one way only: dailyActiveUsers with writesPerUserPerDay, or writes with per");
            }
            if (perUser) {
                if (dailyActiveUsers == null) {
                    throw new InvalidInputException("dailyActiveUsers", "is required with writesPerUserPerDay");
                }
                if (writesPerUserPerDay == null) {
                    throw new InvalidInputException("writesPerUserPerDay", "is required with dailyActiveUsers");
                }
                BigDecimal users = InputLimits.DAILY_ACTIVE_USERS.check(dailyActiveUsers);
                BigDecimal each = InputLimits.WRITES_PER_USER_PER_DAY.check(writesPerUserPerDay);
                if (users.multiply(each).compareTo(InputLimits.MAX_WRITES_PER_DAY) > 0) {
                    throw new InvalidInputException("writesPerUserPerDay",
                            "dailyActiveUsers x writesPerUserPerDay must be at most 1,000,000,000,000 writes a day");
                }
                return new Traffic.PerUser(users, each);
            }
            if (writes == null && per == null) {
                throw new InvalidInputException("writes",
                        "traffic is required: writes with per, or dailyActiveUsers with writesPerUserPerDay");
            }
            if (per == null) {
                throw new InvalidInputException("per", "is required with writes: one of SECOND, DAY, MONTH, YEAR");
            }
            if (writes == null) {
                throw new InvalidInputException("writes", "is required with per");
            }
            return new Traffic.Absolute(InputLimits.writes(per).check(writes), per);
        }

        private static BigDecimal optional(BigDecimal value, InputLimits.Range range) {
            return value == null ? null : range.check(value);
        }

        private static BigDecimal orDefault(BigDecimal value, InputLimits.Range range, BigDecimal fallback,
                                            Defaulted which, Set<Defaulted> defaulted) {
            if (value == null) {
                defaulted.add(which);
                return fallback;
            }
            return range.check(value);
        }
    }
}
