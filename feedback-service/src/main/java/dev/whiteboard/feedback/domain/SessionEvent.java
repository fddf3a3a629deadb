package dev.whiteboard.feedback.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event of the session-events topic (decision 0004), checked and typed. {@code wireType} is the type
 * as it was sent, kept for events of a type this version does not know.
 */
public record SessionEvent(UUID eventId, EventType type, String wireType, String tenantId, UUID sessionId,
                           long sequence, Instant occurredAt, Payload payload) {

    /** What an event says, by type. */
    public sealed interface Payload {
    }

    public record SessionCreated(String question, String candidateRef, String templateId, int templateVersion)
            implements Payload {
    }

    /** session.started, paused and resumed: the phase the session is in. */
    public record PhaseChange(String phase) implements Payload {
    }

    public record PhaseStarted(String phase, int order, Instant startedAt) implements Payload {
    }

    public record PhaseCompleted(PhaseTiming timing) implements Payload {
    }

    /** A note; {@code estimateJson} is the structured estimate ({@code {inputs, candidate}}) or null. */
    public record NoteAdded(String noteId, String phase, String text, String estimateJson) implements Payload {
    }

    /** session.completed and session.abandoned: the timing of every phase. */
    public record SessionEnded(List<PhaseTiming> timings) implements Payload {
    }

    public record TemplatePublished(String templateId, int version) implements Payload {
    }

    /** A type this version does not know: it takes its place in the sequence and changes nothing. */
    public record Unrecognized() implements Payload {
    }
}
