package dev.whiteboard.estimation.domain;

import java.math.BigDecimal;

/** How much is written: per user, or as an absolute count over a period. */
public sealed interface Traffic permits Traffic.PerUser, Traffic.Absolute {

    record PerUser(BigDecimal dailyActiveUsers, BigDecimal writesPerUserPerDay) implements Traffic {
    }

    record Absolute(BigDecimal writes, Period per) implements Traffic {
    }
}
