package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.whiteboard.estimation.domain.Estimate;
import dev.whiteboard.estimation.domain.Figure;
import dev.whiteboard.estimation.domain.FigureKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of an estimate by key; those the inputs cannot give (no sizes, no capacities) are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Figures", description = "Figures by key. Storage and ingress need writeSizeBytes, egress and cache "
        + "a read or write size, servers serverCapacityQps, shards shardCapacityBytes; without them they are absent.")
public record Figures(
        @Schema(required = true) FigureView writesPerDay,
        @Schema(required = true) FigureView readsPerDay,
        @Schema(required = true) FigureView writeQps,
        @Schema(required = true) FigureView readQps,
        @Schema(required = true) FigureView peakWriteQps,
        @Schema(required = true) FigureView peakReadQps,
        FigureView storagePerDayBytes,
        FigureView storagePerYearBytes,
        FigureView storageTotalBytes,
        FigureView ingressBytesPerSecond,
        FigureView egressBytesPerSecond,
        FigureView cacheBytes,
        FigureView servers,
        FigureView shards) {

    public static Figures of(Estimate estimate) {
        return new Figures(view(estimate, FigureKey.WRITES_PER_DAY), view(estimate, FigureKey.READS_PER_DAY),
                view(estimate, FigureKey.WRITE_QPS), view(estimate, FigureKey.READ_QPS),
                view(estimate, FigureKey.PEAK_WRITE_QPS), view(estimate, FigureKey.PEAK_READ_QPS),
                view(estimate, FigureKey.STORAGE_PER_DAY_BYTES), view(estimate, FigureKey.STORAGE_PER_YEAR_BYTES),
                view(estimate, FigureKey.STORAGE_TOTAL_BYTES), view(estimate, FigureKey.INGRESS_BYTES_PER_SECOND),
                view(estimate, FigureKey.EGRESS_BYTES_PER_SECOND), view(estimate, FigureKey.CACHE_BYTES),
                view(estimate, FigureKey.SERVERS), view(estimate, FigureKey.SHARDS));
    }

    private static FigureView view(Estimate estimate, FigureKey key) {
        Figure figure = estimate.figure(key);
        return figure == null ? null : FigureView.of(figure);
    }
}
