package dev.whiteboard.feedback.domain;

import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the report of a session from what its events told, its template and the estimate gradings. */
public final class FeedbackReportBuilder {
    private final CoverageScoring coverageScoring;
    private final TimeManagementScorer timeScorer = new TimeManagementScorer();

    public FeedbackReportBuilder(CoverageScoring coverageScoring) {
        this.coverageScoring = coverageScoring;
    }

    /**
     * What a report is built from. {@code gapGraceExpired}: the session ended long enough ago to stop waiting
     * for a missing event; {@code timingCutoff}: where phases still running are measured to (the end of the
     * session, or now); {@code now}: when the report is built.
     */
    public record Input(SessionSnapshot session, TemplateSpec template, List<NoteText> notes,
                        List<PhaseTiming> timings, List<EstimateOutcome> estimates, boolean gapGraceExpired,
                        Instant previousFinalizedAt, Instant timingCutoff, Instant now) {
    }

    public static ReportStatus statusOf(SessionSnapshot session, boolean gapGraceExpired) {
        if (session.lifecycle().ended() && (session.complete() || gapGraceExpired)) {
            return ReportStatus.FINAL;
        }
        return session.hasActivity() ? ReportStatus.LIVE : ReportStatus.PENDING;
    }

    public FeedbackReport build(Input in) {
        SessionSnapshot session = in.session();
        ReportStatus status = statusOf(session, in.gapGraceExpired());
        Instant finalizedAt = status == ReportStatus.FINAL
                ? (in.previousFinalizedAt() != null ? in.previousFinalizedAt() : in.now()) : null;
        String outcome = session.lifecycle().ended() ? session.lifecycle().name() : null;
        FeedbackReport.Estimation estimation = estimation(in.estimates());
        if (in.template() == null) {
            FeedbackReport.Scoring scoring = ReportScoring.score(null, null, estimation.score());
            return new FeedbackReport(session.sessionId(), status, outcome, session.candidateRef(), session.question(),
                    session.template(), ReportScoring.overall(scoring), scoring, null, List.of(), null, estimation,
                    in.now(), finalizedAt);
        }
        CoverageReport coverage = coverageScoring.score(in.template(), in.notes());
        TimeManagement time = timeScorer.score(in.template(), in.timings(), session.lifecycle().ended(),
                in.timingCutoff());
        Integer coverageScore = (int) Math.round(coverage.overall() * 100);
        FeedbackReport.Scoring scoring = ReportScoring.score(coverageScore, time.score(), estimation.score());
        TemplateRef template = new TemplateRef(in.template().id(), in.template().version());
        return new FeedbackReport(session.sessionId(), status, outcome, session.candidateRef(), session.question(),
                template, ReportScoring.overall(scoring), scoring, coverage, missedItems(coverage), time, estimation,
                in.now(), finalizedAt);
    }

    public static List<FeedbackReport.MissedItem> missedItems(CoverageReport coverage) {
        List<FeedbackReport.MissedItem> missed = new ArrayList<>();
        for (CoverageReport.PhaseCoverage phase : coverage.phases()) {
            for (CoverageReport.ItemCoverage item : phase.items()) {
                if (!item.covered()) {
                    missed.add(new FeedbackReport.MissedItem(phase.phase(), item.itemKey(), item.prompt(), item.hint()));
                }
            }
        }
        return missed;
    }

    static FeedbackReport.Estimation estimation(List<EstimateOutcome> estimates) {
        List<Integer> scores = estimates.stream()
                .filter(e -> e.status() == EstimateOutcome.Status.GRADED && e.score() != null)
                .map(EstimateOutcome::score).toList();
        Integer score = scores.isEmpty() ? null
                : (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
        return new FeedbackReport.Estimation(score, List.copyOf(estimates));
    }
}
