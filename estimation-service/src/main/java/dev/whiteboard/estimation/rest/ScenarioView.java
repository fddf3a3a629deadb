package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.whiteboard.estimation.domain.Scenario;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A classic question with typical inputs, its assumptions and the estimate worked out from them. */
@Schema(name = "Scenario")
public record ScenarioView(
        @Schema(examples = "url-shortener", required = true) String id,
        @Schema(examples = "URL shortener", required = true) String title,
        @Schema(examples = "Design a URL shortening service like TinyURL or bit.ly.", required = true) String question,
        @Schema(description = "The inputs, ready to send to POST /estimates", required = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) EstimateRequest inputs,
        @Schema(description = "What the inputs assume", required = true) List<String> assumptions,
        @Schema(required = true) EstimateResponse estimate) {

    public static ScenarioView of(Scenario scenario) {
        return new ScenarioView(scenario.id(), scenario.title(), scenario.question(),
                EstimateRequest.of(scenario.inputs()), scenario.assumptions(), EstimateResponse.of(scenario.estimate()));
    }
}
