package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.whiteboard.feedback.domain.PhaseTiming;
import dev.whiteboard.feedback.repository.SessionRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.List;

/** A session's phase timings as stored with it: a JSON array. */
@ApplicationScoped
public class TimingsCodec {
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public TimingsCodec(ObjectMapper json) {
        this.reader = json.readerFor(new TypeReference<List<PhaseTiming>>() { });
        this.writer = json.writerFor(new TypeReference<List<PhaseTiming>>() { });
    }

    public List<PhaseTiming> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return reader.readValue(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored phase timings are not valid JSON", e);
        }
    }

    public String write(List<PhaseTiming> timings) {
        try {
            return writer.writeValueAsString(timings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("phase timings could not be written as JSON", e);
        }
    }

    /**
     * The session's timings (unmodifiable), read from its stored text once per session instance: while the
     * text is the very one read or written last, what it read as is returned again.
     */
    public List<PhaseTiming> read(SessionRecord session) {
        String stored = session.timings;
        if (stored != null && stored == session.timingsText) {
            return session.timingsRead;
        }
        List<PhaseTiming> read = Collections.unmodifiableList(read(stored));
        session.timingsText = stored;
        session.timingsRead = read;
        return read;
    }

    /**
     * Sets the session's timings. When they equal what its stored text reads as, the text is kept as it is and
     * nothing is written; otherwise the written text is remembered as reading as these timings (JSON keeps
     * every value of a {@link PhaseTiming} exactly, instants to the nanosecond).
     */
    public void write(SessionRecord session, List<PhaseTiming> timings) {
        if (timings.equals(read(session))) {
            return;
        }
        String text = write(timings);
        session.timings = text;
        session.timingsText = text;
        session.timingsRead = Collections.unmodifiableList(List.copyOf(timings));
    }
}
