package dev.whiteboard.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where to POST reports when they turn FINAL, and the secret that signs them")
public record WebhookRequest(
        @Schema(description = "Absolute http(s) URL of the receiver", required = true, maxLength = 2000,
                examples = "https://platform.example.com/hooks/whiteboard")
        String url,
        @Schema(description = "Signing secret, 16 to 256 characters; stored, never shown again", required = true,
                minLength = 16, maxLength = 256, examples = "whsec_6f1c2b9e0d4a4c7f9a31")
        String secret) {

    @Override
    public String toString() {
        return "WebhookRequest[url=" + url + ", secret=***]";
    }
}
