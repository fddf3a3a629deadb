package dev.whiteboard.session.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateSessionRequest", description = "A practice interview to set up; it starts with POST /sessions/{id}/start.")
public record CreateSessionRequest(
        @Schema(description = "The design question", examples = "Design a URL shortener", required = true)
        @NotBlank @Size(max = 500) String question,
        @Schema(description = "The platform's reference of the candidate (no personal data)", examples = "acc-1", required = true)
        @NotBlank @Size(max = 200) String candidateRef,
        @Schema(description = "Template to run; the shared default when absent", examples = "default")
        @Size(min = 1, max = 64) String templateId,
        @Schema(description = "Template version to pin; the latest when absent", examples = "1")
        @Positive Integer templateVersion) {
}
