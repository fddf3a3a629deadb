package dev.whiteboard.session.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payloads of the events of decision 0004; {@link #type()} is the event type on the wire. */
public sealed interface EventPayload {

    String type();

    record SessionCreated(String question, String candidateRef, String templateId, int templateVersion)
            implements EventPayload {
        public String type() {
            return "session.created";
        }
    }

    record SessionStarted(String phase) implements EventPayload {
        public String type() {
            return "session.started";
        }
    }

    record PhaseStarted(String phase, int order, Instant startedAt) implements EventPayload {
        public String type() {
            return "phase.started";
        }
    }

    /** A phase that ended, with its active time (pauses excluded) and its budget. */
    record PhaseCompleted(String phase, Instant startedAt, Instant endedAt, long elapsedSeconds, int minMinutes,
                          int maxMinutes) implements EventPayload {
        public String type() {
            return "phase.completed";
        }
    }

    record SessionPaused(String phase) implements EventPayload {
        public String type() {
            return "session.paused";
        }
    }

    record SessionResumed(String phase) implements EventPayload {
        public String type() {
            return "session.resumed";
        }
    }

    /** The timing of every phase that ran. */
    record SessionCompleted(List<PhaseCompleted> phases) implements EventPayload {
        public String type() {
            return "session.completed";
        }
    }

    /** The timing of every phase that ran, the interrupted one ending at the abandonment. */
    record SessionAbandoned(List<PhaseCompleted> phases) implements EventPayload {
        public String type() {
            return "session.abandoned";
        }
    }

    record NoteAdded(UUID noteId, String phase, String text, Estimate estimate) implements EventPayload {
        public String type() {
            return "note.added";
        }
    }

    record TemplatePublished(String templateId, int version) implements EventPayload {
        public String type() {
            return "template.published";
        }
    }
}
