package dev.whiteboard.feedback.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlPolicyTest {
    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false);
    private final WebhookUrlPolicy local = new WebhookUrlPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://platform.example.com/hooks", "http://203.0.113.7:8080/x?y=1"})
    void publicHttpUrlsAreAccepted(String url) {
        assertThat(strict.problemWith(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ftp://example.com/x", "example.com/hooks", "https://user:pw@example.com/",
            "https://example.com/#frag", "http://", "not a url at all"})
    void malformedUrlsAreRefused(String url) {
        assertThat(strict.problemWith(url)).isPresent();
        assertThat(local.problemWith(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://localhost/hook", "http://10.0.0.5/h",
            "http://192.168.1.1/h", "http://169.254.169.254/latest/meta-data", "http://[::1]/h", "http://0.0.0.0/h",
            "http://[fd00::1]/h", "http://db.internal/h"})
    void privateAddressesAreRefusedUnlessAllowed(String url) {
        assertThat(strict.problemWith(url)).hasValueSatisfying(p -> assertThat(p).contains("private"));
        assertThat(local.problemWith(url)).isEmpty();
    }
}
