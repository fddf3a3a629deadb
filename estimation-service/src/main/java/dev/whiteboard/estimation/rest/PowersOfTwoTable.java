package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.PowerOfTwo;
import dev.whiteboard.estimation.domain.ReferenceTables;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigInteger;
import java.util.List;

/** The powers of two a back-of-the-envelope estimate leans on. */
@Schema(name = "PowersOfTwoTable")
public record PowersOfTwoTable(
        @Schema(description = "Where the table comes from", required = true) String source,
        @Schema(required = true) List<Entry> entries) {

    @Schema(name = "PowerOfTwoEntry")
    public record Entry(
            @Schema(description = "The exponent n of 2^n", examples = "30", required = true) int power,
            @Schema(description = "2^n exactly", examples = "1073741824", required = true) BigInteger value,
            @Schema(description = "Roughly, in words", examples = "1 billion", required = true) String approximately,
            @Schema(description = "As a size in binary units", examples = "1 GiB", required = true) String bytes,
            @Schema(examples = "about 1 GB", required = true) String note) {
    }

    public static PowersOfTwoTable current() {
        return new PowersOfTwoTable(ReferenceTables.POWERS_SOURCE,
                ReferenceTables.powersOfTwo().stream().map(PowersOfTwoTable::entry).toList());
    }

    private static Entry entry(PowerOfTwo power) {
        return new Entry(power.power(), power.value(), power.approximately(), power.bytes(), power.note());
    }
}
