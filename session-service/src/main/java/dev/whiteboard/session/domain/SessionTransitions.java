package dev.whiteboard.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state machine of a session. CREATED -start-> IN_PROGRESS; IN_PROGRESS -advance-> IN_PROGRESS (next
 * phase); IN_PROGRESS -pause-> PAUSED -resume-> IN_PROGRESS; IN_PROGRESS or PAUSED -complete-> COMPLETED;
 * any unfinished status -abandon-> ABANDONED. Anything else is a {@link RuleViolation.Reason#CONFLICT}.
 */
public final class SessionTransitions {

    /** The state after an action and the events it caused, in order. */
    public record Transition(SessionState state, List<EventPayload> events) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    private SessionTransitions() {
    }

    public static Transition apply(SessionState state, SessionAction action, Instant now) {
        return switch (action) {
            case START -> start(state, now);
            case ADVANCE -> advance(state, now);
            case PAUSE -> pause(state, now);
            case RESUME -> resume(state, now);
            case COMPLETE -> complete(state, now);
            case ABANDON -> abandon(state, now);
        };
    }

    private static Transition start(SessionState state, Instant now) {
        require(state, SessionAction.START, SessionStatus.CREATED);
        List<PhaseTiming> phases = new ArrayList<>(state.phases());
        PhaseTiming first = phases.get(0).startAt(now);
        phases.set(0, first);
        return new Transition(new SessionState(SessionStatus.IN_PROGRESS, phases, 0, null), List.of(
                new EventPayload.SessionStarted(first.key()),
                new EventPayload.PhaseStarted(first.key(), first.order(), now)));
    }

    private static Transition advance(SessionState state, Instant now) {
        require(state, SessionAction.ADVANCE, SessionStatus.IN_PROGRESS);
        int current = state.currentPhase();
        if (current == state.phases().size() - 1) {
            throw RuleViolation.conflict("'" + state.phases().get(current).key()
                    + "' is the last phase: complete the session instead of advancing");
        }
        List<PhaseTiming> phases = new ArrayList<>(state.phases());
        PhaseTiming ended = phases.get(current).endAt(now);
        PhaseTiming next = phases.get(current + 1).startAt(now);
        phases.set(current, ended);
        phases.set(current + 1, next);
        return new Transition(new SessionState(SessionStatus.IN_PROGRESS, phases, current + 1, null), List.of(
                report(ended),
                new EventPayload.PhaseStarted(next.key(), next.order(), now)));
    }

    private static Transition pause(SessionState state, Instant now) {
        require(state, SessionAction.PAUSE, SessionStatus.IN_PROGRESS);
        return new Transition(new SessionState(SessionStatus.PAUSED, state.phases(), state.currentPhase(), now),
                List.of(new EventPayload.SessionPaused(state.current().orElseThrow().key())));
    }

    private static Transition resume(SessionState state, Instant now) {
        require(state, SessionAction.RESUME, SessionStatus.PAUSED);
        List<PhaseTiming> phases = closePause(state, now);
        return new Transition(new SessionState(SessionStatus.IN_PROGRESS, phases, state.currentPhase(), null),
                List.of(new EventPayload.SessionResumed(phases.get(state.currentPhase()).key())));
    }

    private static Transition complete(SessionState state, Instant now) {
        require(state, SessionAction.COMPLETE, SessionStatus.IN_PROGRESS, SessionStatus.PAUSED);
        List<PhaseTiming> phases = closePause(state, now);
        PhaseTiming ended = phases.get(state.currentPhase()).endAt(now);
        phases.set(state.currentPhase(), ended);
        return new Transition(new SessionState(SessionStatus.COMPLETED, phases, state.currentPhase(), null), List.of(
                report(ended),
                new EventPayload.SessionCompleted(reports(phases))));
    }

    private static Transition abandon(SessionState state, Instant now) {
        require(state, SessionAction.ABANDON, SessionStatus.CREATED, SessionStatus.IN_PROGRESS, SessionStatus.PAUSED);
        List<PhaseTiming> phases = closePause(state, now);
        if (state.currentPhase() != null) {
            phases.set(state.currentPhase(), phases.get(state.currentPhase()).endAt(now));
        }
        return new Transition(new SessionState(SessionStatus.ABANDONED, phases, state.currentPhase(), null),
                List.of(new EventPayload.SessionAbandoned(reports(phases))));
    }

    /** The phases with an open pause folded into the current phase's paused time. */
    private static List<PhaseTiming> closePause(SessionState state, Instant now) {
        List<PhaseTiming> phases = new ArrayList<>(state.phases());
        if (state.status() == SessionStatus.PAUSED && state.pausedAt() != null) {
            long paused = Math.max(0, Duration.between(state.pausedAt(), now).toMillis());
            phases.set(state.currentPhase(), phases.get(state.currentPhase()).withPause(paused));
        }
        return phases;
    }

    static EventPayload.PhaseCompleted report(PhaseTiming ended) {
        return new EventPayload.PhaseCompleted(ended.key(), ended.startedAt(), ended.endedAt(),
                ended.elapsedMillis(ended.endedAt(), null) / 1000, ended.minMinutes(), ended.maxMinutes());
    }

    private static List<EventPayload.PhaseCompleted> reports(List<PhaseTiming> phases) {
        return phases.stream().filter(PhaseTiming::started).map(SessionTransitions::report).toList();
    }

    private static void require(SessionState state, SessionAction action, SessionStatus... allowed) {
        for (SessionStatus status : allowed) {
            if (state.status() == status) {
                return;
            }
        }
        throw RuleViolation.conflict("cannot " + action.pathName() + " a session that is " + state.status()
                + hint(state.status()));
    }

    private static String hint(SessionStatus status) {
        return switch (status) {
            case CREATED -> ": start it first";
            case PAUSED -> ": resume it first";
            case IN_PROGRESS -> ": it is already running";
            case COMPLETED, ABANDONED -> ": it has ended";
        };
    }
}
