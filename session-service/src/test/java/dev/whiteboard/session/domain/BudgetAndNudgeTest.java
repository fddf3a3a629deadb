package dev.whiteboard.session.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetAndNudgeTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void budgetStatusComparesWholeSecondsWithTheMinimumAndMaximum() {
        assertThat(BudgetStatus.of(59, 1, 2)).isEqualTo(BudgetStatus.UNDER);
        assertThat(BudgetStatus.of(60, 1, 2)).isEqualTo(BudgetStatus.WITHIN);
        assertThat(BudgetStatus.of(120, 1, 2)).isEqualTo(BudgetStatus.WITHIN);
        assertThat(BudgetStatus.of(121, 1, 2)).isEqualTo(BudgetStatus.OVER);
    }

    @Test
    void aRunningPhaseIsFirstNudgedAtEightyPercentOfItsMaximum() {
        SessionState running = started();

        assertThat(NudgeSchedule.next(running, T0.plusSeconds(10))).contains(
                new Nudge(Nudge.Kind.BUDGET_80_PERCENT, "requirements", T0.plusSeconds(96), 2));
    }

    @Test
    void afterEightyPercentTheNextNudgeIsOverBudget() {
        SessionState running = started();

        assertThat(NudgeSchedule.next(running, T0.plusSeconds(96))).contains(
                new Nudge(Nudge.Kind.OVER_BUDGET, "requirements", T0.plusSeconds(121), 2));
        assertThat(NudgeSchedule.next(running, T0.plusSeconds(121))).isEmpty();
    }

    @Test
    void pausesPushTheNudgesBack() {
        SessionState paused = SessionTransitions.apply(started(), SessionAction.PAUSE, T0.plusSeconds(50)).state();
        assertThat(NudgeSchedule.next(paused, T0.plusSeconds(70))).isEmpty();

        SessionState resumed = SessionTransitions.apply(paused, SessionAction.RESUME, T0.plusSeconds(80)).state();

        assertThat(NudgeSchedule.next(resumed, T0.plusSeconds(80))).contains(
                new Nudge(Nudge.Kind.BUDGET_80_PERCENT, "requirements", T0.plusSeconds(126), 2));
    }

    @Test
    void sessionsThatAreNotRunningHaveNoNudge() {
        SessionState created = SessionState.created(List.of(PhaseTiming.pending("requirements", "R", 1, 1, 2)));
        SessionState completed = SessionTransitions.apply(started(), SessionAction.COMPLETE, T0.plusSeconds(5)).state();

        assertThat(NudgeSchedule.next(created, T0)).isEmpty();
        assertThat(NudgeSchedule.next(completed, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void aPhaseNotStartedHasNoBudgetStatus() {
        SessionState running = started();

        assertThat(running.budgetStatus(0, T0.plusSeconds(30))).contains(BudgetStatus.UNDER);
        assertThat(running.budgetStatus(1, T0.plusSeconds(30))).isEmpty();
        assertThat(running.elapsedSeconds(1, T0.plusSeconds(30))).isZero();
    }

    private static SessionState started() {
        SessionState created = SessionState.created(List.of(
                PhaseTiming.pending("requirements", "Requirements", 1, 1, 2),
                PhaseTiming.pending("capacity", "Capacity", 2, 3, 3)));
        return SessionTransitions.apply(created, SessionAction.START, T0).state();
    }
}
