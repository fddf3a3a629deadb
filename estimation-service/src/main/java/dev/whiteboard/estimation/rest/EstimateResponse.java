package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.Estimate;
import dev.whiteboard.estimation.domain.TimeConvention;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An estimate: the convention used, every figure with its working, and the assumptions made. */
@Schema(name = "EstimateResponse", description = "A capacity estimate with the working shown.")
public record EstimateResponse(
        @Schema(description = "The time convention the figures use", required = true) TimeConvention convention,
        @Schema(required = true) Figures figures,
        @Schema(description = "The assumptions behind the figures, defaults included", required = true,
                examples = "[\"ROUNDED_DAY (default): a day is 100,000 s (86,400 rounded up to 1E5); a month is 30 "
                        + "days and a year 365 days\"]")
        List<String> assumptions) {

    public static EstimateResponse of(Estimate estimate) {
        return new EstimateResponse(estimate.convention(), Figures.of(estimate), estimate.assumptions());
    }
}
