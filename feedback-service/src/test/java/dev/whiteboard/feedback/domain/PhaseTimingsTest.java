package dev.whiteboard.feedback.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseTimingsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    @Test
    void aCompletionArrivingBeforeTheStartKeepsEverythingEitherCarries() {
        PhaseTimings timings = new PhaseTimings(List.of());
        timings.completed(new PhaseTiming("capacity", null, T0.plusSeconds(200), 180L, 3, 3));
        timings.started("capacity", T0);
        assertThat(timings.all()).containsExactly(new PhaseTiming("capacity", T0, T0.plusSeconds(200), 180L, 3, 3));
    }

    @Test
    void theFirstKnownStartStaysAndTheEndOfTheSessionFillsInTheRest() {
        PhaseTimings timings = new PhaseTimings(List.of(new PhaseTiming("requirements", T0, null, null, null, null)));
        timings.started("requirements", T0.plusSeconds(30));
        timings.completed(new PhaseTiming("requirements", null, T0.plusSeconds(540), 540L, 1, 2));
        assertThat(timings.all()).containsExactly(new PhaseTiming("requirements", T0, T0.plusSeconds(540), 540L, 1, 2));
    }
}
