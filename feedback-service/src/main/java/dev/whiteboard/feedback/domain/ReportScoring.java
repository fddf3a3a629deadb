package dev.whiteboard.feedback.domain;

/**
 * The overall score: 60% coverage, 25% time management, 15% estimation. A part that cannot be scored
 * (no structured estimate, or not graded yet; no phase timed yet) gives its weight to the others in
 * proportion, and the report states the weights it used.
 */
public final class ReportScoring {
    public static final double COVERAGE_WEIGHT = 0.60;
    public static final double TIME_WEIGHT = 0.25;
    public static final double ESTIMATION_WEIGHT = 0.15;
    static final String METHOD = "overall = 0.60 × coverage + 0.25 × time management + 0.15 × estimation, "
            + "each part 0-100; a part that cannot be scored yet gives its weight to the others in proportion";

    private ReportScoring() {
    }

    public static FeedbackReport.Scoring score(Integer coverage, Integer time, Integer estimation) {
        double c = coverage == null ? 0 : COVERAGE_WEIGHT;
        double t = time == null ? 0 : TIME_WEIGHT;
        double e = estimation == null ? 0 : ESTIMATION_WEIGHT;
        double total = c + t + e;
        FeedbackReport.Parts parts = new FeedbackReport.Parts(coverage, time, estimation);
        if (total == 0) {
            return new FeedbackReport.Scoring(new FeedbackReport.Weights(0, 0, 0), parts, METHOD);
        }
        FeedbackReport.Weights weights = new FeedbackReport.Weights(round(c / total), round(t / total), round(e / total));
        return new FeedbackReport.Scoring(weights, parts, METHOD);
    }

    public static Integer overall(FeedbackReport.Scoring scoring) {
        FeedbackReport.Parts p = scoring.parts();
        FeedbackReport.Weights w = scoring.weights();
        if (p.coverage() == null && p.timeManagement() == null && p.estimation() == null) {
            return null;
        }
        double sum = w.coverage() * valueOf(p.coverage()) + w.timeManagement() * valueOf(p.timeManagement())
                + w.estimation() * valueOf(p.estimation());
        return (int) Math.max(0, Math.min(100, Math.round(sum)));
    }

    private static double valueOf(Integer part) {
        return part == null ? 0 : part;
    }

    private static double round(double weight) {
        return Math.round(weight * 1000) / 1000.0;
    }
}
