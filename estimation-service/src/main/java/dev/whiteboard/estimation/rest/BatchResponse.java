package dev.whiteboard.estimation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The results of a batch in the order of its items. */
@Schema(name = "BatchResponse")
public record BatchResponse(
        @Schema(description = "Items estimated", examples = "1", required = true) int succeeded,
        @Schema(description = "Items that failed", examples = "1", required = true) int failed,
        @Schema(description = "One result per item, in order", required = true) List<BatchItemResult> results) {
}
