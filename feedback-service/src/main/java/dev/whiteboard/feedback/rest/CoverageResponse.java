package dev.whiteboard.feedback.rest;

import dev.whiteboard.feedback.domain.FeedbackReport;
import dev.whiteboard.feedback.domain.TemplateRef;
import dev.whiteboard.feedback.scoring.CoverageReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Which checklist items the notes cover, with the evidence, and the items missed with hints")
public record CoverageResponse(
        @Schema(description = "The template version scored against") TemplateRef template,
        CoverageReport coverage,
        @Schema(description = "Every item not covered, with its hint") List<FeedbackReport.MissedItem> missed) {
}
