package dev.whiteboard.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A tenant's webhook; the secret is never returned")
public record WebhookView(String url, boolean secretConfigured,
                          @Schema(description = "The header that carries the signature") String signatureHeader,
                          Instant updatedAt) {
}
