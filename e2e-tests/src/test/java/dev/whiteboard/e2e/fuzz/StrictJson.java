package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** RFC 8259 JSON, read strictly: one value, nothing after it, no comments, quotes or commas bent. */
final class StrictJson {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build());
    }

    private StrictJson() {
    }

    static boolean parses(byte[] body) {
        try {
            STRICT.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
