package dev.whiteboard.feedback.domain;

import dev.whiteboard.feedback.scoring.TemplateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeManagementScorerTest {
    private static final TemplateSpec TEMPLATE = new TemplateSpec("t", 1, "t", List.of(
            new TemplateSpec.PhaseSpec("requirements", "Gather requirements", 1, 1, 2, List.of()),
            new TemplateSpec.PhaseSpec("high-level-design", "High-level design", 2, 5, 10, List.of()),
            new TemplateSpec.PhaseSpec("deep-dive", "Deep dive", 3, 15, 20, List.of())));
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private final TimeManagementScorer scorer = new TimeManagementScorer();

    @Test
    void overBudgetPhasesSayHowLongTheyTookAgainstTheBudget() {
        TimeManagement result = scorer.score(TEMPLATE, List.of(timing("requirements", 540)), true, T0);
        TimeManagement.PhaseTime requirements = result.phases().get(0);
        assertThat(requirements.sentence()).isEqualTo("you spent 9 minutes on requirements; the budget is 1-2");
        assertThat(requirements.verdict()).isEqualTo(TimeManagement.Verdict.OVER_BUDGET);
        assertThat(requirements.score()).isEqualTo(22);
    }

    @Test
    void withinBudgetScoresFullAndUnderBudgetScoresTheShareOfTheMinimum() {
        TimeManagement result = scorer.score(TEMPLATE, List.of(timing("requirements", 90),
                timing("high-level-design", 150), timing("deep-dive", 1200)), true, T0);
        assertThat(result.phases()).extracting(TimeManagement.PhaseTime::score).containsExactly(100, 50, 100);
        assertThat(result.phases().get(1).verdict()).isEqualTo(TimeManagement.Verdict.UNDER_BUDGET);
        assertThat(result.phases().get(1).sentence())
                .isEqualTo("you spent 3 minutes on high level design; the budget is 5-10");
        assertThat(result.score()).isEqualTo(83);
    }

    @Test
    void phasesNeverReachedScoreZeroOnceTheInterviewEndedButDoNotCountWhileItRuns() {
        List<PhaseTiming> timings = List.of(timing("requirements", 90));
        TimeManagement ended = scorer.score(TEMPLATE, timings, true, T0);
        TimeManagement running = scorer.score(TEMPLATE, timings, false, T0);
        assertThat(ended.phases().get(2).score()).isZero();
        assertThat(ended.phases().get(2).sentence()).isEqualTo("you did not reach deep dive; the budget is 15-20");
        assertThat(ended.score()).isEqualTo(33);
        assertThat(running.phases().get(2).score()).isNull();
        assertThat(running.score()).isEqualTo(100);
    }

    @Test
    void aRunningPhaseCountsFromItsStartAndOnlyScoresOnceOverBudget() {
        PhaseTiming started = new PhaseTiming("requirements", T0, null, null, null, null);
        TimeManagement early = scorer.score(TEMPLATE, List.of(started), false, T0.plusSeconds(45));
        assertThat(early.phases().get(0).verdict()).isEqualTo(TimeManagement.Verdict.RUNNING);
        assertThat(early.phases().get(0).score()).isNull();
        assertThat(early.phases().get(0).sentence())
                .isEqualTo("you have spent 45 seconds on requirements so far; the budget is 1-2");
        TimeManagement late = scorer.score(TEMPLATE, List.of(started), false, T0.plusSeconds(240));
        assertThat(late.phases().get(0).verdict()).isEqualTo(TimeManagement.Verdict.OVER_BUDGET);
        assertThat(late.phases().get(0).score()).isEqualTo(50);
    }

    @Test
    void theBudgetCarriedByTheEventWinsOverTheTemplates() {
        PhaseTiming timing = new PhaseTiming("requirements", T0, T0.plusSeconds(180), 180L, 3, 3);
        TimeManagement.PhaseTime phase = scorer.score(TEMPLATE, List.of(timing), true, T0).phases().get(0);
        assertThat(phase.sentence()).isEqualTo("you spent 3 minutes on requirements; the budget is 3");
        assertThat(phase.score()).isEqualTo(100);
    }

    @Test
    void durationsReadNaturally() {
        assertThat(TimeManagementScorer.durationText(1)).isEqualTo("1 second");
        assertThat(TimeManagementScorer.durationText(59)).isEqualTo("59 seconds");
        assertThat(TimeManagementScorer.durationText(89)).isEqualTo("1 minute");
        assertThat(TimeManagementScorer.durationText(90)).isEqualTo("2 minutes");
    }

    private static PhaseTiming timing(String phase, long seconds) {
        return new PhaseTiming(phase, T0, T0.plusSeconds(seconds), seconds, null, null);
    }
}
