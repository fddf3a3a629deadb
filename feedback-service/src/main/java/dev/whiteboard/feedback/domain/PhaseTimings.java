package dev.whiteboard.feedback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timing of a session's phases, folded from events in any order: a phase's start is kept once known,
 * and a completion (phase.completed, or the timings of session.completed) fills in what it carries.
 */
public final class PhaseTimings {
    private final Map<String, PhaseTiming> byPhase = new LinkedHashMap<>();

    public PhaseTimings(List<PhaseTiming> timings) {
        timings.forEach(t -> byPhase.put(t.phase(), t));
    }

    public void started(String phase, Instant at) {
        PhaseTiming known = byPhase.get(phase);
        if (known == null) {
            byPhase.put(phase, new PhaseTiming(phase, at, null, null, null, null));
        } else if (known.startedAt() == null) {
            byPhase.put(phase, new PhaseTiming(phase, at, known.endedAt(), known.elapsedSeconds(), known.minMinutes(),
                    known.maxMinutes()));
        }
    }

    public void completed(PhaseTiming timing) {
        PhaseTiming known = byPhase.get(timing.phase());
        if (known == null) {
            byPhase.put(timing.phase(), timing);
            return;
        }
        byPhase.put(timing.phase(), new PhaseTiming(timing.phase(),
                timing.startedAt() != null ? timing.startedAt() : known.startedAt(),
                timing.endedAt() != null ? timing.endedAt() : known.endedAt(),
                timing.elapsedSeconds() != null ? timing.elapsedSeconds() : known.elapsedSeconds(),
                timing.minMinutes() != null ? timing.minMinutes() : known.minMinutes(),
                timing.maxMinutes() != null ? timing.maxMinutes() : known.maxMinutes()));
    }

    public List<PhaseTiming> all() {
        return new ArrayList<>(byPhase.values());
    }
}
