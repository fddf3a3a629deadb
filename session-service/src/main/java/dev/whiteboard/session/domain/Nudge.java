package dev.whiteboard.session.domain;

import java.time.Instant;

/** A timer nudge for the running phase: 80 % of its maximum budget used, or the budget passed. */
public record Nudge(Kind kind, String phase, Instant dueAt, int maxMinutes) {

    public enum Kind { BUDGET_80_PERCENT, OVER_BUDGET }
}
