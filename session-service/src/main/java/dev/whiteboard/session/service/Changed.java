package dev.whiteboard.session.service;

import dev.whiteboard.session.messaging.SessionEventEnvelope;

import java.util.List;

/** The result of a change and the events it wrote to the outbox. */
public record Changed<T>(T result, List<SessionEventEnvelope> events) {
}
