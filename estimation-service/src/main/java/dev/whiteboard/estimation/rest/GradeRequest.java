package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inputs of an estimate, flat as in POST /estimates, plus the candidate's figures to grade. */
@Schema(name = "GradeRequest", description = "The same fields as EstimateRequest, plus `candidate`.")
public record GradeRequest(
        @JsonUnwrapped EstimateRequest inputs,
        @Schema(required = true, description = "The candidate's figures to grade") CandidateFigures candidate) {
}
