package dev.whiteboard.feedback.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest {

    @Test
    void onlyALaterEventMovesTheLifecycle() {
        assertThat(Lifecycle.moves(Lifecycle.CREATED, 1, EventType.SESSION_STARTED, 2)).isTrue();
        assertThat(Lifecycle.moves(Lifecycle.PAUSED, 7, EventType.SESSION_STARTED, 2)).isFalse();
        assertThat(Lifecycle.moves(Lifecycle.IN_PROGRESS, 2, EventType.NOTE_ADDED, 9)).isFalse();
    }

    @Test
    void anEndedSessionStaysEndedWhateverArrivesLate() {
        assertThat(Lifecycle.moves(Lifecycle.COMPLETED, 20, EventType.SESSION_STARTED, 2)).isFalse();
        assertThat(Lifecycle.moves(Lifecycle.COMPLETED, 20, EventType.SESSION_RESUMED, 21)).isFalse();
        assertThat(Lifecycle.moves(Lifecycle.UNKNOWN, 0, EventType.SESSION_COMPLETED, 20)).isTrue();
        assertThat(Lifecycle.after(EventType.SESSION_ABANDONED).ended()).isTrue();
    }
}
