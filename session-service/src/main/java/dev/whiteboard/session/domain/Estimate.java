package dev.whiteboard.session.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A candidate's capacity estimate in estimation-service's shapes: the inputs as its request names them
 * (numbers, and the {@code per} and {@code convention} words) and the figures the candidate arrived at,
 * keyed by figure name.
 */
public record Estimate(Map<String, Object> inputs, Map<String, BigDecimal> candidate) {
}
