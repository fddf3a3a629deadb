package dev.whiteboard.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "Webhook deliveries, newest first, each with every attempt")
public record DeliveryList(List<Delivery> deliveries) {

    @Schema(description = "One report sent to the tenant's URL. status: PENDING, RETRYING, DELIVERED or FAILED (attempts exhausted)")
    public record Delivery(UUID deliveryId, UUID sessionId,
                           @Schema(description = "report.final, or report.updated when a FINAL report changed later")
                           String event,
                           String url, String status, int attempts, Integer lastStatusCode, String lastError,
                           Instant createdAt, Instant deliveredAt, Instant nextAttemptAt, List<Attempt> attemptLog) {
    }

    @Schema(description = "One attempt: the receiver's status code, or the error when it could not be reached")
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }
}
