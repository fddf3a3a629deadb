package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/** One candidate figure against the computed one: ratio candidate/computed, verdict, and why. */
public record Grade(FigureKey figure, BigDecimal computed, BigDecimal candidate, BigDecimal ratio,
                    Verdict verdict, String explanation) {
}
