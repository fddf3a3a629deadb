package dev.whiteboard.feedback.messaging;

import dev.whiteboard.feedback.domain.SessionEvent;

/** A parsed event with the record it came in, kept to dead-letter it as it was. */
public record ReceivedEvent(SessionEvent event, String rawValue, DeadLetterPublisher.Origin origin) {
}
