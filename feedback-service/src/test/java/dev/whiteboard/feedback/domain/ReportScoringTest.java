package dev.whiteboard.feedback.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportScoringTest {

    @Test
    void allPartsUseTheStatedWeights() {
        FeedbackReport.Scoring scoring = ReportScoring.score(50, 80, 100);
        assertThat(scoring.weights()).isEqualTo(new FeedbackReport.Weights(0.6, 0.25, 0.15));
        assertThat(ReportScoring.overall(scoring)).isEqualTo(65);
        assertThat(scoring.method()).contains("0.60 × coverage", "0.25 × time management", "0.15 × estimation");
    }

    @Test
    void aMissingPartGivesItsWeightToTheOthersInProportion() {
        FeedbackReport.Scoring scoring = ReportScoring.score(50, 80, null);
        assertThat(scoring.weights().estimation()).isZero();
        assertThat(scoring.weights().coverage()).isEqualTo(0.706);
        assertThat(scoring.weights().timeManagement()).isEqualTo(0.294);
        assertThat(ReportScoring.overall(scoring)).isEqualTo(59);
    }

    @Test
    void nothingScoredMeansNoOverallScore() {
        assertThat(ReportScoring.overall(ReportScoring.score(null, null, null))).isNull();
    }

    @Test
    void estimateScoresFollowTheVerdicts() {
        assertThat(EstimateOutcome.scoreOf(java.util.List.of(
                new EstimateOutcome.FigureGrade("a", 1.0, 1.0, 1.0, "ACCURATE", ""),
                new EstimateOutcome.FigureGrade("b", 1.0, 5.0, 5.0, "ORDER_OF_MAGNITUDE", ""),
                new EstimateOutcome.FigureGrade("c", 1.0, 50.0, 50.0, "OFF", "")))).isEqualTo(50);
        assertThat(EstimateOutcome.scoreOf(java.util.List.of())).isNull();
    }
}
