package dev.whiteboard.feedback.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What the events of a session have told so far. {@code complete} is true when every event up to the
 * last one has arrived (sequences 1..n without a gap).
 */
public record SessionSnapshot(UUID sessionId, String tenantId, String candidateRef, String question,
                              TemplateRef template, Lifecycle lifecycle, Instant endedAt, boolean complete,
                              boolean hasActivity) {
}
