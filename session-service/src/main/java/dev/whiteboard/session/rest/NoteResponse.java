package dev.whiteboard.session.rest;

import dev.whiteboard.session.service.NoteSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Note", description = "A note as it was written; notes are never changed.")
public record NoteResponse(
        UUID id,
        UUID sessionId,
        @Schema(examples = "requirements") String phase,
        @Schema(examples = "Reads dominate writes 100:1") String text,
        EstimateBody estimate,
        @Schema(description = "Sequence of its note.added event", examples = "4") long sequence,
        Instant createdAt) {

    static NoteResponse of(NoteSnapshot note) {
        return new NoteResponse(note.id(), note.sessionId(), note.phase(), note.text(), EstimateBody.of(note.estimate()),
                note.sequence(), note.createdAt());
    }

    @Schema(name = "NoteList")
    public record Listing(List<NoteResponse> items) {
    }
}
