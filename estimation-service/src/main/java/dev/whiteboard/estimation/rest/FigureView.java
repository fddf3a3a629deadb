package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.Figure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One figure: exact value in base units, its unit, decimal and binary renderings, the worked formula. */
@Schema(name = "Figure", description = "A computed figure with the working shown.")
public record FigureView(
        @Schema(description = "The value in base units: an exact integer, or 17 significant digits when it has "
                + "a fraction", examples = "1000", required = true) BigDecimal value,
        @Schema(description = "The base unit", examples = "writes/s", required = true,
                enumeration = {"writes/day", "reads/day", "writes/s", "reads/s", "bytes", "bytes/s", "servers", "shards"})
        String unit,
        @Schema(description = "Three significant digits with a decimal prefix", examples = "1.27 TB", required = true)
        String decimal,
        @Schema(description = "Three significant digits with a binary prefix", examples = "1.16 TiB", required = true)
        String binary,
        @Schema(description = "The formula with the numbers put in; ~ instead of = when a number shown is rounded",
                examples = "writes/s = 100,000,000 / 100,000 s = 1,000/s", required = true) String formula) {

    public static FigureView of(Figure figure) {
        return new FigureView(figure.value(), figure.unit().symbol(), figure.decimal(), figure.binary(), figure.formula());
    }
}
