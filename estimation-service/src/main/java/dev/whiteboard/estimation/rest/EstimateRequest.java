package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.EstimateInputs;
import dev.whiteboard.estimation.domain.InvalidInputException;
import dev.whiteboard.estimation.domain.Period;
import dev.whiteboard.estimation.domain.TimeConvention;
import dev.whiteboard.estimation.domain.Traffic;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * The inputs of an estimate. Traffic is given one way only: {@code dailyActiveUsers} with
 * {@code writesPerUserPerDay}, or {@code writes} with {@code per}.
 */
@Schema(name = "EstimateRequest", description = "Inputs of a capacity estimate. Give traffic one way only: "
        + "dailyActiveUsers with writesPerUserPerDay, or writes with per. Every number must be positive and finite.")
public record EstimateRequest(
        @Schema(description = "Daily active users (1 to 10^10); needs writesPerUserPerDay.", examples = "10000000",
                minimum = "1", maximum = "1E10")
        BigDecimal dailyActiveUsers,
        @Schema(description = "Writes each daily active user makes a day (0.000001 to 10^6); needs dailyActiveUsers. "
                + "dailyActiveUsers x writesPerUserPerDay is at most 10^12.", examples = "10",
                minimum = "0.000001", maximum = "1E6")
        BigDecimal writesPerUserPerDay,
        @Schema(description = "Writes in each period `per` (at most 10^12 a day: 10^7 a second, 3x10^13 a month, "
                + "3.65x10^14 a year); needs per.", examples = "100000000", minimum = "0.000001", maximum = "3.65E14")
        BigDecimal writes,
        @Schema(description = "The period `writes` is counted over; needs writes.", examples = "DAY")
        Period per,
        @Schema(description = "Reads for every write: the read/write ratio.", defaultValue = "1", examples = "10",
                minimum = "0.000001", maximum = "1E6")
        BigDecimal readsPerWrite,
        @Schema(description = "Bytes stored by one write. Without it, storage and ingress are left out.",
                examples = "1000", minimum = "1", maximum = "1E10")
        BigDecimal writeSizeBytes,
        @Schema(description = "Bytes returned by one read. Defaults to writeSizeBytes; without either, egress and "
                + "cache are left out.", examples = "1000", minimum = "1", maximum = "1E10")
        BigDecimal readSizeBytes,
        @Schema(description = "Years the data is kept.", defaultValue = "5", examples = "5",
                minimum = "0.001", maximum = "100")
        BigDecimal retentionYears,
        @Schema(description = "Copies of each byte stored; applied to storageTotalBytes.", defaultValue = "1",
                examples = "3", minimum = "1", maximum = "10")
        BigDecimal replicationFactor,
        @Schema(description = "Peak traffic over the average.", defaultValue = "1", examples = "2",
                minimum = "1", maximum = "100")
        BigDecimal peakFactor,
        @Schema(description = "Share of a day's reads the cache holds (the 80-20 rule: 20% of the objects get 80% "
                + "of the reads).", defaultValue = "0.2", examples = "0.2", minimum = "0.000001", maximum = "1")
        BigDecimal cacheFraction,
        @Schema(description = "Seconds in a day: ROUNDED_DAY uses 100,000 (the template's 1E5), EXACT 86,400, "
                + "ROUNDED_MONTH 2,500,000 s a month of 30 days. A month is 30 days and a year 365 in all.",
                defaultValue = "ROUNDED_DAY", examples = "ROUNDED_DAY")
        TimeConvention timeConvention,
        @Schema(description = "Requests a second one server handles at peak; when given, `servers` is computed.",
                examples = "5000", minimum = "0.001", maximum = "1E9")
        BigDecimal serverCapacityQps,
        @Schema(description = "Bytes one shard holds; when given with writeSizeBytes, `shards` is computed.",
                examples = "1000000000000", minimum = "1", maximum = "1E18")
        BigDecimal shardCapacityBytes) {

    /** The checked domain inputs; throws {@link InvalidInputException}. */
    public EstimateInputs toInputs() {
        return EstimateInputs.builder()
                .dailyActiveUsers(dailyActiveUsers).writesPerUserPerDay(writesPerUserPerDay)
                .writes(writes).per(per)
                .readsPerWrite(readsPerWrite).writeSizeBytes(writeSizeBytes).readSizeBytes(readSizeBytes)
                .retentionYears(retentionYears).replicationFactor(replicationFactor).peakFactor(peakFactor)
                .cacheFraction(cacheFraction).convention(timeConvention)
                .serverCapacityQps(serverCapacityQps).shardCapacityBytes(shardCapacityBytes)
                .build();
    }

    /** The inputs as a request that gives every value explicitly, traffic the way it was given. */
    public static EstimateRequest of(EstimateInputs in) {
        BigDecimal users = null;
        BigDecimal each = null;
        BigDecimal writes = null;
        Period per = null;
        if (in.traffic() instanceof Traffic.PerUser perUser) {
            users = perUser.dailyActiveUsers();
            each = perUser.writesPerUserPerDay();
        } else if (in.traffic() instanceof Traffic.Absolute absolute) {
            writes = absolute.writes();
            per = absolute.per();
        }
        return new EstimateRequest(users, each, writes, per, in.readsPerWrite(), in.writeSizeBytes(),
                in.readSizeBytes(), in.retentionYears(), in.replicationFactor(), in.peakFactor(), in.cacheFraction(),
                in.convention(), in.serverCapacityQps(), in.shardCapacityBytes());
    }
}
