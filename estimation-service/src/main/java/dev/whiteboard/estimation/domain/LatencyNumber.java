package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/** One of the latency numbers every programmer should know, in nanoseconds. */
public record LatencyNumber(String operation, BigDecimal nanoseconds, String human) {
}
