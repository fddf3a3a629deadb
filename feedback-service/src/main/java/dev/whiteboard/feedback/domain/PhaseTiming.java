package dev.whiteboard.feedback.domain;

import java.time.Instant;

/**
 * The time a phase took. {@code elapsedSeconds} excludes pauses and is null while the phase runs;
 * the budget is null when the event did not carry it (the template has it then).
 */
public record PhaseTiming(String phase, Instant startedAt, Instant endedAt, Long elapsedSeconds,
                          Integer minMinutes, Integer maxMinutes) {
}
