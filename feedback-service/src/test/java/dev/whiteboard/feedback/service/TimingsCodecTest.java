package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.whiteboard.feedback.domain.PhaseTiming;
import dev.whiteboard.feedback.repository.SessionRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimingsCodecTest {
    private final TimingsCodec codec = new TimingsCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private static final PhaseTiming REQUIREMENTS = new PhaseTiming("requirements",
            Instant.parse("2026-11-28T09:00:00.123456789Z"), Instant.parse("2026-11-28T09:09:00Z"), 540L, 1, 2);
    private static final PhaseTiming DEEP_DIVE = new PhaseTiming("deep-dive",
            Instant.parse("2026-11-28T09:20:00Z"), null, null, null, null);

    @Test
    void aSessionsStoredTimingsAreParsedOnceWhileTheTextIsTheSame() {
        SessionRecord s = session(codec.write(List.of(REQUIREMENTS)));

        List<PhaseTiming> first = codec.read(s);
        assertThat(first).containsExactly(REQUIREMENTS);
        assertThat(codec.read(s)).isSameAs(first);
        assertThatThrownBy(() -> first.add(DEEP_DIVE)).isInstanceOf(UnsupportedOperationException.class);

        // another text, even an equal one, is read again
        s.timings = new String(s.timings);
        List<PhaseTiming> again = codec.read(s);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        s.timings = codec.write(List.of(DEEP_DIVE));
        assertThat(codec.read(s)).containsExactly(DEEP_DIVE);
    }

    @Test
    void unchangedTimingsKeepTheStoredTextAndChangedOnesAreWrittenAndReadBackWithoutParsing() {
        String stored = codec.write(List.of(REQUIREMENTS));
        SessionRecord s = session(stored);

        codec.write(s, List.of(REQUIREMENTS));
        assertThat(s.timings).isSameAs(stored);

        codec.write(s, List.of(REQUIREMENTS, DEEP_DIVE));
        assertThat(s.timings).isEqualTo(codec.write(List.of(REQUIREMENTS, DEEP_DIVE)));
        assertThat(codec.read(s)).containsExactly(REQUIREMENTS, DEEP_DIVE);
        assertThat(codec.read(s.timings)).isEqualTo(codec.read(s));
    }

    @Test
    void aNewSessionsEmptyTimingsStayAsTheyAre() {
        SessionRecord s = session("[]");
        assertThat(codec.read(s)).isEmpty();
        codec.write(s, List.of());
        assertThat(s.timings).isEqualTo("[]").isEqualTo(codec.write(List.of()));
    }

    private static SessionRecord session(String timings) {
        SessionRecord s = new SessionRecord();
        s.timings = timings;
        return s;
    }
}
