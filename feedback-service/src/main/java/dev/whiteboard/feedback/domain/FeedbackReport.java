package dev.whiteboard.feedback.domain;

import dev.whiteboard.feedback.scoring.CoverageReport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The feedback on one interview: what a candidate reads and a platform receives by webhook.
 * {@code coverage}, {@code timeManagement} and the scores are null until the template is known.
 */
public record FeedbackReport(
        UUID sessionId,
        ReportStatus status,
        String outcome,
        String candidateRef,
        String question,
        TemplateRef template,
        Integer overallScore,
        Scoring scoring,
        CoverageReport coverage,
        List<MissedItem> missed,
        TimeManagement timeManagement,
        Estimation estimation,
        Instant updatedAt,
        Instant finalizedAt) {

    /** How the overall score was made: the weights used, each part's score, and the rule in words. */
    public record Scoring(Weights weights, Parts parts, String method) {
    }

    public record Weights(double coverage, double timeManagement, double estimation) {
    }

    /** Each part on 0-100; null when the part could not be scored (and its weight went to the others). */
    public record Parts(Integer coverage, Integer timeManagement, Integer estimation) {
    }

    /** A checklist item the notes did not cover, with the hint for next time. */
    public record MissedItem(String phase, String itemKey, String prompt, String hint) {
    }

    /** The structured estimates and their grading; {@code score} is over the graded ones. */
    public record Estimation(Integer score, List<EstimateOutcome> estimates) {
    }
}
