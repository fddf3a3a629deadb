package dev.whiteboard.feedback.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(10), 5);

    @Test
    void theCeilingDoublesPerAttemptUpToTheCap() {
        assertThat(schedule.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.ceilingAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.ceilingAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(schedule.ceilingAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.ceilingAfter(500)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theWaitIsAJitteredShareOfTheCeiling() {
        assertThat(schedule.delayAfter(3, () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(schedule.delayAfter(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(3, () -> 0.999)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void attemptsAreBounded() {
        assertThat(schedule.exhausted(4)).isFalse();
        assertThat(schedule.exhausted(5)).isTrue();
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
