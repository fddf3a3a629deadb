package dev.whiteboard.session.rest;

import dev.whiteboard.session.service.TemplateService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "TemplateSummary", description = "The latest version of a template you can use.")
public record TemplateSummaryResponse(
        @Schema(examples = "default") String id,
        @Schema(examples = "1") int version,
        @Schema(examples = "System design interview") String name,
        @Schema(description = "True for the shared default, false for your own templates", examples = "true") boolean shared,
        @Schema(examples = "6") int phaseCount,
        Instant publishedAt) {

    static TemplateSummaryResponse of(TemplateService.Summary summary) {
        return new TemplateSummaryResponse(summary.id(), summary.version(), summary.name(), summary.shared(),
                summary.phases(), summary.publishedAt());
    }

    @Schema(name = "TemplateList")
    public record Listing(List<TemplateSummaryResponse> items) {
    }
}
