package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/**
 * One computed figure: its value in base units, the value for people in decimal and binary
 * prefixes, and the formula with the numbers put in.
 */
public record Figure(FigureKey key, BigDecimal value, String decimal, String binary, String formula) {

    static Figure of(FigureKey key, BigDecimal value, String formula) {
        BigDecimal exact = Exact.tidy(value);
        return new Figure(key, exact, key.unit().decimal(exact), key.unit().binary(exact), formula);
    }

    public Unit unit() {
        return key.unit();
    }
}
