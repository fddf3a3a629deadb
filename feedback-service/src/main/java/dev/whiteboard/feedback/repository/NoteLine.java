package dev.whiteboard.feedback.repository;

import java.util.UUID;

/** A note as scoring reads it, without the entity around it. */
public record NoteLine(UUID sessionId, String phase, String text) {
}
