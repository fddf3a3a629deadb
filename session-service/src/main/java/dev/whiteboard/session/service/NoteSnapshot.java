package dev.whiteboard.session.service;

import dev.whiteboard.session.domain.Estimate;
import dev.whiteboard.session.repository.NoteEntity;

import java.time.Instant;
import java.util.UUID;

/** A note as it was written, with the sequence of its note.added event. */
public record NoteSnapshot(UUID id, UUID sessionId, String phase, String text, Estimate estimate, long sequence,
                          Instant createdAt) {

    static NoteSnapshot of(NoteEntity entity) {
        return new NoteSnapshot(entity.id, entity.sessionId, entity.phase, entity.text, entity.estimate,
                entity.sequence, entity.createdAt);
    }
}
