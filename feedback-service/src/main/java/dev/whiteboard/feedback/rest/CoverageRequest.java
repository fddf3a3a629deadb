package dev.whiteboard.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Notes to score against a template: either one plain text or notes per phase.")
public record CoverageRequest(
        @Schema(description = "Template id; default: the shared default template", examples = "default",
                maxLength = 100, pattern = "^[A-Za-z0-9._-]+$")
        String templateId,
        @Schema(description = "Template version; default: the latest", minimum = "1", examples = "1")
        Integer templateVersion,
        @Schema(description = "A plain text (its evidence names no phase); at most 20,000 characters",
                maxLength = 20000)
        String text,
        @Schema(description = "Notes with the phase each was written in; at most 100 notes, 20,000 characters "
                + "each, 100,000 in all", maxItems = 100)
        List<NoteInput> notes) {

    @Schema(description = "A note written in one phase of the interview")
    public record NoteInput(
            @Schema(description = "Key of a phase of the template", examples = "deep-dive", required = true)
            String phase,
            @Schema(description = "The note's text", maxLength = 20000, required = true)
            String text) {
    }
}
