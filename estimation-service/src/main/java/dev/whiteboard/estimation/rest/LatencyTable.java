package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.LatencyNumber;
import dev.whiteboard.estimation.domain.ReferenceTables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The latency numbers every programmer should know. */
@Schema(name = "LatencyTable")
public record LatencyTable(
        @Schema(description = "Where the numbers come from", required = true) String source,
        @Schema(description = "Unit of `nanoseconds`", examples = "ns", required = true) String unit,
        @Schema(required = true) List<Entry> entries) {

    @Schema(name = "LatencyEntry")
    public record Entry(
            @Schema(examples = "Main memory reference", required = true) String operation,
            @Schema(examples = "100", required = true) BigDecimal nanoseconds,
            @Schema(description = "The value in the largest unit that leaves at least 1", examples = "100 ns",
                    required = true) String human) {
    }

    public static LatencyTable current() {
        return new LatencyTable(ReferenceTables.LATENCY_SOURCE, "ns",
                ReferenceTables.latency().stream().map(LatencyTable::entry).toList());
    }

    private static Entry entry(LatencyNumber number) {
        return new Entry(number.operation(), number.nanoseconds(), number.human());
    }
}
