package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.whiteboard.api.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of one item of a batch: an estimate (status 200) or the item's own problem (status 400). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchItemResult")
public record BatchItemResult(
        @Schema(description = "Position of the item in the request, from 0", examples = "0", required = true) int index,
        @Schema(description = "200 when the item was estimated, 400 when it was not valid", examples = "200",
                required = true) int status,
        @Schema(description = "The estimate, when status is 200") EstimateResponse estimate,
        @Schema(description = "Why the item failed, when status is 400; fields are named within the item")
        Problem problem) {
}
