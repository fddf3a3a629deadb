package dev.whiteboard.session.rest;

import dev.whiteboard.session.domain.Estimate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(name = "Estimate", description = "A capacity estimate in estimation-service's shapes: its input fields "
        + "(dailyActiveUsers, writesPerUserPerDay, writes, per, readsPerWrite, writeSizeBytes, readSizeBytes, "
        + "retentionYears, replicationFactor, peakFactor, cacheFraction, convention, serverCapacityQps, "
        + "shardCapacityBytes) and the figures the candidate arrived at (writesPerDay, readsPerDay, writeQps, readQps, "
        + "peakWriteQps, peakReadQps, storagePerDayBytes, storagePerYearBytes, storageTotalBytes, "
        + "ingressBytesPerSecond, egressBytesPerSecond, cacheBytes, servers, shards).")
public record EstimateBody(
        @Schema(examples = "{\"dailyActiveUsers\": 100000000, \"writesPerUserPerDay\": 1, \"readsPerWrite\": 100}")
        Map<String, Object> inputs,
        @Schema(examples = "{\"writeQps\": 1000, \"readQps\": 100000}")
        Map<String, BigDecimal> candidate) {

    Estimate toDomain() {
        return new Estimate(inputs, candidate);
    }

    static EstimateBody of(Estimate estimate) {
        return estimate == null ? null : new EstimateBody(estimate.inputs(), estimate.candidate());
    }
}
