package dev.whiteboard.session.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static SessionState fresh() {
        return SessionState.created(List.of(
                PhaseTiming.pending("requirements", "Requirements", 1, 1, 2),
                PhaseTiming.pending("capacity", "Capacity", 2, 3, 3),
                PhaseTiming.pending("deep-dive", "Deep dive", 3, 15, 20)));
    }

    private static SessionTransitions.Transition apply(SessionState state, SessionAction action, int secondsAfterT0) {
        return SessionTransitions.apply(state, action, T0.plusSeconds(secondsAfterT0));
    }

    @Test
    void startRunsTheFirstPhase() {
        SessionTransitions.Transition started = apply(fresh(), SessionAction.START, 0);

        assertThat(started.state().status()).isEqualTo(SessionStatus.IN_PROGRESS);
        assertThat(started.state().currentPhase()).isZero();
        assertThat(started.state().phases().get(0).startedAt()).isEqualTo(T0);
        assertThat(started.events()).containsExactly(
                new EventPayload.SessionStarted("requirements"),
                new EventPayload.PhaseStarted("requirements", 1, T0));
    }

    @Test
    void advanceEndsThePhaseAndStartsTheNext() {
        SessionState running = apply(fresh(), SessionAction.START, 0).state();

        SessionTransitions.Transition advanced = apply(running, SessionAction.ADVANCE, 95);

        assertThat(advanced.state().currentPhase()).isEqualTo(1);
        assertThat(advanced.events()).containsExactly(
                new EventPayload.PhaseCompleted("requirements", T0, T0.plusSeconds(95), 95, 1, 2),
                new EventPayload.PhaseStarted("capacity", 2, T0.plusSeconds(95)));
    }

    @Test
    void pausesAreNotCountedInTheElapsedTime() {
        SessionState state = apply(fresh(), SessionAction.START, 0).state();
        state = apply(state, SessionAction.PAUSE, 30).state();
        assertThat(state.elapsedSeconds(0, T0.plusSeconds(500))).isEqualTo(30);
        state = apply(state, SessionAction.RESUME, 530).state();
        assertThat(state.elapsedSeconds(0, T0.plusSeconds(540))).isEqualTo(40);

        SessionTransitions.Transition advanced = apply(state, SessionAction.ADVANCE, 560);

        assertThat(advanced.events().get(0)).isEqualTo(
                new EventPayload.PhaseCompleted("requirements", T0, T0.plusSeconds(560), 60, 1, 2));
    }

    @Test
    void completingFromAPauseClosesThePauseFirst() {
        SessionState state = apply(fresh(), SessionAction.START, 0).state();
        state = apply(state, SessionAction.PAUSE, 20).state();

        SessionTransitions.Transition completed = apply(state, SessionAction.COMPLETE, 200);

        EventPayload.PhaseCompleted requirements = new EventPayload.PhaseCompleted("requirements", T0,
                T0.plusSeconds(200), 20, 1, 2);
        assertThat(completed.state().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(completed.events()).containsExactly(requirements,
                new EventPayload.SessionCompleted(List.of(requirements)));
    }

    @Test
    void abandonReportsOnlyThePhasesThatRan() {
        SessionState state = apply(fresh(), SessionAction.START, 0).state();
        state = apply(state, SessionAction.ADVANCE, 60).state();

        SessionTransitions.Transition abandoned = apply(state, SessionAction.ABANDON, 100);

        assertThat(abandoned.state().status()).isEqualTo(SessionStatus.ABANDONED);
        assertThat(abandoned.state().phases().get(1).endedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(abandoned.events()).containsExactly(new EventPayload.SessionAbandoned(List.of(
                new EventPayload.PhaseCompleted("requirements", T0, T0.plusSeconds(60), 60, 1, 2),
                new EventPayload.PhaseCompleted("capacity", T0.plusSeconds(60), T0.plusSeconds(100), 40, 3, 3))));
    }

    @Test
    void aCreatedSessionCanBeAbandonedWithoutTiming() {
        SessionTransitions.Transition abandoned = apply(fresh(), SessionAction.ABANDON, 5);

        assertThat(abandoned.events()).containsExactly(new EventPayload.SessionAbandoned(List.of()));
    }

    @Test
    void theLastPhaseCannotBeAdvanced() {
        SessionState state = apply(fresh(), SessionAction.START, 0).state();
        state = apply(state, SessionAction.ADVANCE, 1).state();
        SessionState last = apply(state, SessionAction.ADVANCE, 2).state();

        assertThatThrownBy(() -> apply(last, SessionAction.ADVANCE, 3))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(RuleViolation.Reason.CONFLICT))
                .hasMessageContaining("'deep-dive' is the last phase");
    }

    @Test
    void everyMoveOutsideTheMachineIsAConflict() {
        SessionState created = fresh();
        SessionState running = apply(created, SessionAction.START, 0).state();
        SessionState paused = apply(running, SessionAction.PAUSE, 1).state();
        SessionState completed = apply(running, SessionAction.COMPLETE, 2).state();
        SessionState abandoned = apply(created, SessionAction.ABANDON, 2).state();

        assertRefused(created, SessionAction.ADVANCE, SessionAction.PAUSE, SessionAction.RESUME, SessionAction.COMPLETE);
        assertRefused(running, SessionAction.START, SessionAction.RESUME);
        assertRefused(paused, SessionAction.START, SessionAction.ADVANCE, SessionAction.PAUSE);
        assertRefused(completed, SessionAction.values());
        assertRefused(abandoned, SessionAction.values());
    }

    private static void assertRefused(SessionState state, SessionAction... actions) {
        for (SessionAction action : actions) {
            assertThatThrownBy(() -> SessionTransitions.apply(state, action, T0.plusSeconds(10)))
                    .as("%s on %s", action, state.status())
                    .isInstanceOfSatisfying(RuleViolation.class,
                            v -> assertThat(v.reason()).isEqualTo(RuleViolation.Reason.CONFLICT))
                    .hasMessageContaining("a session that is " + state.status());
        }
    }
}
