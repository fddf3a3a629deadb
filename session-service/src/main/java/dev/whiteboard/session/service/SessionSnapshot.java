package dev.whiteboard.session.service;

import dev.whiteboard.session.domain.SessionState;
import dev.whiteboard.session.repository.SessionEntity;

import java.time.Instant;
import java.util.UUID;

/** A session as it was committed; {@code revision} is its ETag. */
public record SessionSnapshot(UUID id, String question, String candidateRef, String templateId, int templateVersion,
                              SessionState state, long revision, long lastSequence, int noteCount,
                              Instant createdAt, Instant updatedAt, Instant startedAt, Instant endedAt) {

    static SessionSnapshot of(SessionEntity entity) {
        return new SessionSnapshot(entity.id, entity.question, entity.candidateRef, entity.templateId,
                entity.templateVersion, entity.state(), entity.revision, entity.lastSequence, entity.noteCount,
                entity.createdAt, entity.updatedAt, entity.startedAt, entity.endedAt);
    }

    /** Whether If-None-Match names this revision, so that a GET can answer 304. */
    public boolean unchangedSince(String ifNoneMatch) {
        return EntityTags.noneMatchHits(ifNoneMatch, revision);
    }

    public String etag() {
        return "\"" + revision + "\"";
    }
}
