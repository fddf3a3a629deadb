package dev.whiteboard.estimation.domain;

import java.util.List;
import java.util.Map;

/** The figures of one estimate in working order, the convention used and the assumptions made. */
public record Estimate(TimeConvention convention, Map<FigureKey, Figure> figures, List<String> assumptions) {

    public Figure figure(FigureKey key) {
        return figures.get(key);
    }
}
