package dev.whiteboard.feedback.repository;

import java.util.UUID;

/** What deduplication needs of an event already applied. */
public record AppliedEvent(UUID eventId, UUID sessionId, long sequence) {
}
