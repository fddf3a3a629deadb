package dev.whiteboard.estimation.domain;

import java.util.List;

/** A classic interview question with typical inputs, the assumptions behind them, and its estimate. */
public record Scenario(String id, String title, String question, EstimateInputs inputs, List<String> assumptions,
                       Estimate estimate) {
}
