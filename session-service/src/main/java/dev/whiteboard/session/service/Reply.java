package dev.whiteboard.session.service;

/**
 * The response to a write as it was first given, replayed for a retry with the same Idempotency-Key:
 * status, Location and ETag (null when absent) and the JSON body.
 */
public record Reply(int status, String location, String etag, String body, boolean replayed) {
}
