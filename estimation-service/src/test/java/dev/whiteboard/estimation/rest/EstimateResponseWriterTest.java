package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.estimation.config.JsonNumbersPlain;
import dev.whiteboard.estimation.domain.TimeConvention;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written JSON is byte for byte what Jackson writes, whatever the strings hold. */
class EstimateResponseWriterTest {
    private final ObjectMapper json = new ObjectMapper();
    private final EstimateResponseWriter writer = new EstimateResponseWriter();

    EstimateResponseWriterTest() {
        new JsonNumbersPlain().customize(json);
    }

    private static FigureView figure(String value, String text) {
        return new FigureView(new BigDecimal(value), "bytes", text, "1 KiB", "f = " + text);
    }

    @Test
    void escapesWhatJsonNeedsAndEncodesTheRestAsUtf8() throws Exception {
        String awkward = "quote \" backslash \\ newline \n tab \t bell \u0007 µs ≈ 😀 end";
        Figures figures = new Figures(figure("1", awkward), figure("2.5", "plain"), figure("1E+3", "x"),
                figure("0.0000001", "\u001f\"\\"), figure("5475E+21", "12345678\""), figure("7", "1234567\\"),
                null, null, null, null, null, null, null, figure("12345678901234567890123", "ok"));
        EstimateResponse response = new EstimateResponse(TimeConvention.EXACT, figures, List.of(awkward, "", "a\"b"));

        String written = new String(writer.write(response), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(json.writeValueAsString(response));
        assertThat(json.readTree(written).at("/figures/writesPerDay/decimal").asText()).isEqualTo(awkward);
    }

    @Test
    void findsAnyByteToEscapeAtAnyPlaceInAWord() {
        for (int length = 0; length <= 24; length++) {
            byte[] plain = "abcdefghijklmnopqrstuvwx".substring(0, length).getBytes(StandardCharsets.US_ASCII);
            assertThat(EstimateResponseWriter.needsEscaping(plain)).isFalse();
            for (int at = 0; at < length; at++) {
                for (byte bad : new byte[] {'"', '\\', 0, 0x1f, '\n'}) {
                    byte[] text = plain.clone();
                    text[at] = bad;
                    assertThat(EstimateResponseWriter.needsEscaping(text)).as("%d at %d of %d", bad, at, length).isTrue();
                }
            }
        }
        assertThat(EstimateResponseWriter.needsEscaping("µs ≈ 😀 ~ ! # ] }".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
