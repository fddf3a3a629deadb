package dev.whiteboard.feedback.domain;

import java.util.List;

/**
 * The grading of one structured estimate from a capacity note. UNGRADED: estimation-service has not
 * answered yet (it is retried and the report updated); REJECTED: it refused the inputs, with its reason.
 */
public record EstimateOutcome(String noteId, String phase, Status status, String convention,
                              List<FigureGrade> grades, Integer score, String reason) {

    public enum Status { GRADED, UNGRADED, REJECTED }

    /** One figure as estimation-service graded it; {@code verdict} is ACCURATE, ORDER_OF_MAGNITUDE or OFF. */
    public record FigureGrade(String figure, Double computed, Double candidate, Double ratio, String verdict,
                              String explanation) {
    }

    /** ACCURATE scores 100, ORDER_OF_MAGNITUDE 50, OFF 0; the estimate's score is their mean. */
    public static Integer scoreOf(List<FigureGrade> grades) {
        if (grades == null || grades.isEmpty()) {
            return null;
        }
        double mean = grades.stream().mapToInt(g -> switch (g.verdict() == null ? "" : g.verdict()) {
            case "ACCURATE" -> 100;
            case "ORDER_OF_MAGNITUDE" -> 50;
            default -> 0;
        }).average().orElse(0);
        return (int) Math.round(mean);
    }
}
