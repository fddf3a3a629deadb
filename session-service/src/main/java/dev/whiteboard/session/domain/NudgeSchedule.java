package dev.whiteboard.session.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * When the next nudge of a session is due, from its state and the server clock. Only a running phase
 * accrues time, so a paused or finished session has no nudge ahead; nudges whose moment has passed are
 * not due again (the phase's budget status shows them).
 */
public final class NudgeSchedule {

    private NudgeSchedule() {
    }

    public static Optional<Nudge> next(SessionState state, Instant now) {
        if (state.status() != SessionStatus.IN_PROGRESS || state.currentPhase() == null) {
            return Optional.empty();
        }
        int index = state.currentPhase();
        PhaseTiming phase = state.phases().get(index);
        long elapsed = state.elapsedMillis(index, now);
        long eightyPercent = phase.maxMinutes() * 48_000L;
        // over budget means more whole seconds than the budget, as BudgetStatus counts it
        long over = phase.maxMinutes() * 60_000L + 1_000L;
        if (elapsed < eightyPercent) {
            return Optional.of(new Nudge(Nudge.Kind.BUDGET_80_PERCENT, phase.key(),
                    now.plusMillis(eightyPercent - elapsed), phase.maxMinutes()));
        }
        if (elapsed < over) {
            return Optional.of(new Nudge(Nudge.Kind.OVER_BUDGET, phase.key(), now.plusMillis(over - elapsed),
                    phase.maxMinutes()));
        }
        return Optional.empty();
    }
}
