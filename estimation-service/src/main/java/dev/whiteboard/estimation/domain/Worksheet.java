package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures of one estimate as they are worked out. Its formulas are written one after another
 * into one scratch buffer, and a number that several formulas show is formatted once.
 */
final class Worksheet {
    private final Map<FigureKey, Figure> figures = new EnumMap<>(FigureKey.class);
    private final StringBuilder scratch = new StringBuilder(192);
    private final ShownNumbers shown = new ShownNumbers();

    /** A new formula; the previous one must be finished (put or given) by now. */
    Formula formula(String name) {
        return new Formula(scratch, shown, name);
    }

    /** Records a computed figure with its formula, and returns its value. */
    BigDecimal put(FigureKey key, BigDecimal value, Formula formula) {
        figures.put(key, Figure.of(key, value, formula.result(value, resultSuffix(key.unit()))));
        return value;
    }

    /** Records a figure given in the input, such as {@code writes/s = 1,000/s (given)}, and returns its value. */
    BigDecimal given(FigureKey key, BigDecimal value, String name, String unit) {
        figures.put(key, Figure.of(key, value, formula(name).number(value).given(unit)));
        return value;
    }

    Map<FigureKey, Figure> figures() {
        return Collections.unmodifiableMap(figures);
    }

    private static String resultSuffix(Unit unit) {
        return switch (unit) {
            case WRITES_PER_DAY, READS_PER_DAY -> "/day";
            case WRITES_PER_SECOND, READS_PER_SECOND -> "/s";
            case BYTES -> " bytes";
            case BYTES_PER_SECOND -> " bytes/s";
            case SERVERS -> " servers";
            case SHARDS -> " shards";
        };
    }
}
