package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.FigureKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The candidate's own figures, any subset, in the units of the estimate (per day, per second, bytes). */
@Schema(name = "CandidateFigures", description = "The candidate's own figures, any subset; each must be a "
        + "number from 0 to 1E40 in the estimate's base unit.")
public record CandidateFigures(
        @Schema(description = "writes/day", examples = "100000000") BigDecimal writesPerDay,
        @Schema(description = "reads/day", examples = "1000000000") BigDecimal readsPerDay,
        @Schema(description = "writes/s", examples = "1000") BigDecimal writeQps,
        @Schema(description = "reads/s", examples = "10000") BigDecimal readQps,
        @Schema(description = "writes/s at peak") BigDecimal peakWriteQps,
        @Schema(description = "reads/s at peak") BigDecimal peakReadQps,
        @Schema(description = "bytes a day", examples = "100000000000") BigDecimal storagePerDayBytes,
        @Schema(description = "bytes a year") BigDecimal storagePerYearBytes,
        @Schema(description = "bytes over the retention period, replicated") BigDecimal storageTotalBytes,
        @Schema(description = "bytes/s written") BigDecimal ingressBytesPerSecond,
        @Schema(description = "bytes/s read") BigDecimal egressBytesPerSecond,
        @Schema(description = "bytes of cache") BigDecimal cacheBytes,
        @Schema(description = "servers; needs serverCapacityQps") BigDecimal servers,
        @Schema(description = "shards; needs shardCapacityBytes") BigDecimal shards) {

    public Map<FigureKey, BigDecimal> byKey() {
        Map<FigureKey, BigDecimal> figures = new EnumMap<>(FigureKey.class);
        put(figures, FigureKey.WRITES_PER_DAY, writesPerDay);
        put(figures, FigureKey.READS_PER_DAY, readsPerDay);
        put(figures, FigureKey.WRITE_QPS, writeQps);
        put(figures, FigureKey.READ_QPS, readQps);
        put(figures, FigureKey.PEAK_WRITE_QPS, peakWriteQps);
        put(figures, FigureKey.PEAK_READ_QPS, peakReadQps);
        put(figures, FigureKey.STORAGE_PER_DAY_BYTES, storagePerDayBytes);
        put(figures, FigureKey.STORAGE_PER_YEAR_BYTES, storagePerYearBytes);
        put(figures, FigureKey.STORAGE_TOTAL_BYTES, storageTotalBytes);
        put(figures, FigureKey.INGRESS_BYTES_PER_SECOND, ingressBytesPerSecond);
        put(figures, FigureKey.EGRESS_BYTES_PER_SECOND, egressBytesPerSecond);
        put(figures, FigureKey.CACHE_BYTES, cacheBytes);
        put(figures, FigureKey.SERVERS, servers);
        put(figures, FigureKey.SHARDS, shards);
        return figures;
    }

    /** Candidate figures from values by key; keys missing are left null. */
    public static CandidateFigures of(Map<FigureKey, BigDecimal> figures) {
        return new CandidateFigures(figures.get(FigureKey.WRITES_PER_DAY), figures.get(FigureKey.READS_PER_DAY),
                figures.get(FigureKey.WRITE_QPS), figures.get(FigureKey.READ_QPS),
                figures.get(FigureKey.PEAK_WRITE_QPS), figures.get(FigureKey.PEAK_READ_QPS),
                figures.get(FigureKey.STORAGE_PER_DAY_BYTES), figures.get(FigureKey.STORAGE_PER_YEAR_BYTES),
                figures.get(FigureKey.STORAGE_TOTAL_BYTES), figures.get(FigureKey.INGRESS_BYTES_PER_SECOND),
                figures.get(FigureKey.EGRESS_BYTES_PER_SECOND), figures.get(FigureKey.CACHE_BYTES),
                figures.get(FigureKey.SERVERS), figures.get(FigureKey.SHARDS));
    }

    private static void put(Map<FigureKey, BigDecimal> figures, FigureKey key, BigDecimal value) {
        if (value != null) {
            figures.put(key, value);
        }
    }
}
