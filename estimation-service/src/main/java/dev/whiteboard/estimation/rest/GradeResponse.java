package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.GradeReport;
import dev.whiteboard.estimation.domain.TimeConvention;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The grades of a candidate's figures, in figure order. */
@Schema(name = "GradeResponse")
public record GradeResponse(
        @Schema(description = "The convention asked for", required = true) TimeConvention convention,
        @Schema(required = true) List<GradeView> grades) {

    public static GradeResponse of(GradeReport report) {
        return new GradeResponse(report.convention(), report.grades().stream().map(GradeView::of).toList());
    }
}
