package dev.whiteboard.session.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PageCursorTest {

    @Test
    void roundTrips() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-28T10:00:00.123Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        assertThat(PageCursor.decode("not base64 !")).isEmpty();
        assertThat(PageCursor.decode("bm90IGEgY3Vyc29y")).isEmpty();
        assertThat(PageCursor.decode("MjAyNnxub3QtYS11dWlk")).isEmpty();
    }
}
