package dev.whiteboard.feedback.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressCalculatorTest {
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void scoresAreSummedOverFinishedInterviewsOldestFirst() {
        CandidateProgress progress = new ProgressCalculator().progress("acc", List.of(
                entry(ReportStatus.FINAL, 70, T0.plusSeconds(7200), "cdn"),
                entry(ReportStatus.FINAL, 50, T0, "cdn", "sharding-key"),
                entry(ReportStatus.LIVE, 10, T0.plusSeconds(9000), "cdn", "replication")));
        assertThat(progress.sessions()).isEqualTo(3);
        assertThat(progress.finishedSessions()).isEqualTo(2);
        assertThat(progress.averageScore()).isEqualTo(60);
        assertThat(progress.latestScore()).isEqualTo(70);
        assertThat(progress.scoreChange()).isEqualTo(20);
        assertThat(progress.history()).extracting(CandidateProgress.SessionScore::overallScore).containsExactly(50, 70, 10);
        assertThat(progress.mostMissed()).extracting(CandidateProgress.MissedTopic::itemKey)
                .containsExactly("cdn", "sharding-key");
        assertThat(progress.mostMissed().get(0).missedIn()).isEqualTo(2);
        assertThat(progress.mostMissed().get(0).outOf()).isEqualTo(2);
    }

    private static ProgressCalculator.Entry entry(ReportStatus status, int score, Instant started, String... missed) {
        FeedbackReport report = new FeedbackReport(UUID.randomUUID(), status, null, "acc", "q", null, score,
                ReportScoring.score(score, null, null), null,
                java.util.Arrays.stream(missed).map(k -> new FeedbackReport.MissedItem("deep-dive", k, k + "?", "hint"))
                        .toList(), null, new FeedbackReport.Estimation(null, List.of()), started, null);
        return new ProgressCalculator.Entry(report, started);
    }
}
