package dev.whiteboard.session.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The timing state of a session: its status, its phases in order, the index of the current phase (null
 * before the start) and when the open pause began (null unless PAUSED).
 */
public record SessionState(SessionStatus status, List<PhaseTiming> phases, Integer currentPhase, Instant pausedAt) {

    public SessionState {
        phases = List.copyOf(phases);
    }

    public static SessionState created(List<PhaseTiming> phases) {
        return new SessionState(SessionStatus.CREATED, phases, null, null);
    }

    public Optional<PhaseTiming> current() {
        return currentPhase == null ? Optional.empty() : Optional.of(phases.get(currentPhase));
    }

    public Optional<PhaseTiming> phase(String key) {
        return phases.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** Active time of phase {@code index} at {@code now}, the open pause excluded. */
    public long elapsedMillis(int index, Instant now) {
        Instant openPause = status == SessionStatus.PAUSED && currentPhase != null && currentPhase == index
                ? pausedAt : null;
        return phases.get(index).elapsedMillis(now, openPause);
    }

    public long elapsedSeconds(int index, Instant now) {
        return elapsedMillis(index, now) / 1000;
    }

    /** Under, within or over budget; empty for a phase that has not started. */
    public Optional<BudgetStatus> budgetStatus(int index, Instant now) {
        PhaseTiming phase = phases.get(index);
        if (!phase.started()) {
            return Optional.empty();
        }
        return Optional.of(BudgetStatus.of(elapsedSeconds(index, now), phase.minMinutes(), phase.maxMinutes()));
    }
}
