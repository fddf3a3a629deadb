package dev.whiteboard.session.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One phase of a session as it runs: its budget (copied from the pinned template version) and when it
 * started and ended. {@code pausedMillis} is the time of closed pauses inside the phase; a pause that is
 * still open is known only to the session ({@link SessionState#pausedAt()}).
 */
public record PhaseTiming(String key, String title, int order, int minMinutes, int maxMinutes,
                          Instant startedAt, Instant endedAt, long pausedMillis) {

    public static PhaseTiming pending(String key, String title, int order, int minMinutes, int maxMinutes) {
        return new PhaseTiming(key, title, order, minMinutes, maxMinutes, null, null, 0);
    }

    public boolean started() {
        return startedAt != null;
    }

    public boolean ended() {
        return endedAt != null;
    }

    /** Active time: start to end (or to {@code now} while running), less pauses, the open one included. */
    public long elapsedMillis(Instant now, Instant openPauseSince) {
        if (startedAt == null) {
            return 0;
        }
        Instant until = endedAt != null ? endedAt : now;
        long openPause = endedAt == null && openPauseSince != null
                ? Math.max(0, Duration.between(openPauseSince, now).toMillis()) : 0;
        return Math.max(0, Duration.between(startedAt, until).toMillis() - pausedMillis - openPause);
    }

    PhaseTiming startAt(Instant at) {
        return new PhaseTiming(key, title, order, minMinutes, maxMinutes, at, null, 0);
    }

    PhaseTiming endAt(Instant at) {
        return new PhaseTiming(key, title, order, minMinutes, maxMinutes, startedAt, at, pausedMillis);
    }

    PhaseTiming withPause(long millis) {
        return new PhaseTiming(key, title, order, minMinutes, maxMinutes, startedAt, endedAt, pausedMillis + millis);
    }
}
