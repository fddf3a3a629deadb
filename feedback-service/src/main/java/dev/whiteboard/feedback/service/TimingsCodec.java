package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.whiteboard.feedback.domain.PhaseTiming;
import jakarta.enterprise.context.ApplicationScoped;

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
}
