package dev.whiteboard.session.repository;

import dev.whiteboard.session.domain.PhaseTiming;

import java.util.List;

/** The phases column: a JSON object, as the reactive PostgreSQL client maps JSON columns to objects. */
public record PhaseTimings(List<PhaseTiming> phases) {
}
