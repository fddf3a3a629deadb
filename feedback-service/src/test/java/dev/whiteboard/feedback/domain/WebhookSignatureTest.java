package dev.whiteboard.feedback.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void theHeaderCarriesTheTimestampAndTheHmacOfTimestampDotBody() {
        // HMAC-SHA256("secret", "1700000000.{}") computed independently with openssl.
        assertThat(WebhookSignature.header("secret", 1_700_000_000L, "{}"))
                .isEqualTo("t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
        assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void verificationFailsForAnotherSecretABodyChangeOrAnotherTimestamp() {
        String header = WebhookSignature.header("s3cret-s3cret-s3cret", 1_700_000_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", header, "{\"a\":1}")).isTrue();
        assertThat(WebhookSignature.verify("another-secret-value", header, "{\"a\":1}")).isFalse();
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", header, "{\"a\":2}")).isFalse();
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", header.replace("t=1700000000", "t=1700000001"),
                "{\"a\":1}")).isFalse();
        assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", "garbage", "{\"a\":1}")).isFalse();
    }
}
