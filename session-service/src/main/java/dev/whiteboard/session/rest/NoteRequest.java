package dev.whiteboard.session.rest;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NoteRequest", description = "A note of what the candidate said, for a phase that has started.")
public record NoteRequest(
        @Schema(description = "Key of the phase", examples = "requirements", required = true) @NotBlank String phase,
        @Schema(description = "The note; at most 10,000 characters", examples = "Reads dominate writes 100:1", required = true)
        String text,
        @Schema(description = "Only in the capacity phase") EstimateBody estimate) {
}
