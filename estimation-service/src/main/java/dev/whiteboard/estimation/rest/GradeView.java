package dev.whiteboard.estimation.rest;

import dev.whiteboard.estimation.domain.Grade;
import dev.whiteboard.estimation.domain.Verdict;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One graded figure. */
@Schema(name = "Grade", description = "A candidate's figure against the computed one.")
public record GradeView(
        @Schema(description = "The figure key", examples = "writeQps", required = true) String figure,
        @Schema(description = "The computed value in base units", examples = "1000", required = true) BigDecimal computed,
        @Schema(description = "The candidate's value", examples = "1000000", required = true) BigDecimal candidate,
        @Schema(description = "candidate / computed, 6 significant digits", examples = "1000", required = true)
        BigDecimal ratio,
        @Schema(description = "ACCURATE within 2x, ORDER_OF_MAGNITUDE within 10x, OFF beyond", required = true)
        Verdict verdict,
        @Schema(description = "One sentence on the gap: the slip that explains it, or the other time convention "
                + "the figure matches", required = true,
                examples = "1,000,000 writes/s is 1,000x the computed 1,000 writes/s: it looks like a units slip of "
                        + "1,000 (one decimal prefix, such as thousands for millions or KB for MB).")
        String explanation,
        @Schema(description = "The base unit of computed and candidate", examples = "writes/s", required = true)
        String unit) {

    public static GradeView of(Grade grade) {
        return new GradeView(grade.figure().apiName(), grade.computed(), grade.candidate(), grade.ratio(),
                grade.verdict(), grade.explanation(), grade.figure().unit().symbol());
    }
}
