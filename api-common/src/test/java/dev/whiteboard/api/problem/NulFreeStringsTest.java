package dev.whiteboard.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class NulFreeStringsTest {

    record Note(String phase, List<String> tags) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    NulFreeStringsTest() {
        new NulFreeStrings().customize(mapper);
    }

    @Test
    void aNulInAStringIsRefusedWithTheFieldPath() {
        NulFreeStrings.NulCharacterException e = catchThrowableOfType(
                () -> mapper.readValue("{\"phase\":\"ok\",\"tags\":[\"a\",\"b\\u0000c\"]}", Note.class),
                NulFreeStrings.NulCharacterException.class);

        ProblemException problem = ProblemMappers.fromJson(e);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.toProblem("/notes").errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("tags[1]"));
    }

    @Test
    void otherStringsReadAsBefore() throws Exception {
        assertThat(mapper.readValue("{\"phase\":\"caf\\u00e9 \\ud83d\\ude00\",\"tags\":null}", Note.class).phase())
                .isEqualTo("café 😀");
    }
}
