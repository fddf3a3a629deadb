package dev.whiteboard.e2e.interview;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver's check itself, on a vector computed with {@code openssl dgst -sha256 -hmac}. */
class WebhookSignatureCheckTest {
    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"sessionId\":\"a\",\"status\":\"FINAL\"}";
    private static final String HEADER = "t=1764300000,v1=370f0cecf0982de734685cc28761b1cc24e5edfa1dcc4c6db04de02f87d3d25d";
    private static final Instant SENT = Instant.ofEpochSecond(1764300000L);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void acceptsTheSignatureOpensslComputes() {
        assertThat(WebhookSignatureCheck.problem(SECRET, HEADER, BODY, SENT.plusSeconds(3), TOLERANCE)).isNull();
    }

    @Test
    void refusesAChangedBodyAnotherSecretAnOldTimestampAndNoHeader() {
        assertThat(WebhookSignatureCheck.problem(SECRET, HEADER, BODY.replace("FINAL", "LIVE"), SENT, TOLERANCE))
                .isEqualTo("the HMAC does not match");
        assertThat(WebhookSignatureCheck.problem("other", HEADER, BODY, SENT, TOLERANCE))
                .isEqualTo("the HMAC does not match");
        assertThat(WebhookSignatureCheck.problem(SECRET, HEADER, BODY, SENT.plus(Duration.ofMinutes(6)), TOLERANCE))
                .startsWith("timestamp 1764300000 is more than");
        assertThat(WebhookSignatureCheck.problem(SECRET, null, BODY, SENT, TOLERANCE))
                .isEqualTo("no Whiteboard-Signature header");
    }
}
