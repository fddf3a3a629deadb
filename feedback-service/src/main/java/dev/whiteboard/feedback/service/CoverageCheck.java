package dev.whiteboard.feedback.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.feedback.client.TemplateCatalog;
import dev.whiteboard.feedback.client.TemplateNotFoundException;
import dev.whiteboard.feedback.domain.FeedbackReport;
import dev.whiteboard.feedback.domain.FeedbackReportBuilder;
import dev.whiteboard.feedback.domain.TemplateRef;
import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.CoverageScorer;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Scores notes against a template without a session, with the scorer and evidence the reports use: for
 * instant hints while a candidate writes. Large inputs are scored off the event loop.
 */
@ApplicationScoped
public class CoverageCheck {
    /** Inputs above this many characters are analysed on a worker thread. */
    static final int EVENT_LOOP_LIMIT = 4_000;

    private final TemplateCatalog catalog;
    private final CoverageScorer scorer;

    public CoverageCheck(TemplateCatalog catalog, CoverageScorer scorer) {
        this.catalog = catalog;
        this.scorer = scorer;
    }

    /** The outcome: which template version was used, the coverage, and the missed items. */
    public record Result(TemplateRef template, CoverageReport coverage, List<FeedbackReport.MissedItem> missed) {
    }

    /** Notes whose phase is null come from a plain text; their evidence names no phase. */
    public Uni<Result> check(TemplateRef ref, List<NoteText> notes, int totalChars) {
        return catalog.template(ref)
                .onFailure(TemplateNotFoundException.class).transform(e -> new ProblemException(422,
                        "Unprocessable Content", "template " + ref.id() + (ref.version() == null ? ""
                        : " version " + ref.version()) + " does not exist", "templateId"))
                .onFailure(f -> !(f instanceof ProblemException)).transform(e -> ProblemException.unavailable(
                        "templates cannot be read from session-service right now", 5))
                .invoke(template -> checkPhases(template, notes))
                .chain(template -> {
                    Uni<TemplateSpec> ready = Uni.createFrom().item(template);
                    if (totalChars > EVENT_LOOP_LIMIT) {
                        ready = ready.emitOn(Infrastructure.getDefaultWorkerPool());
                    }
                    return ready.map(t -> {
                        CoverageReport coverage = scorer.score(t, notes);
                        return new Result(new TemplateRef(t.id(), t.version()), coverage,
                                FeedbackReportBuilder.missedItems(coverage));
                    });
                });
    }

    private static void checkPhases(TemplateSpec template, List<NoteText> notes) {
        for (int i = 0; i < notes.size(); i++) {
            String phase = notes.get(i).phase();
            if (phase != null && template.phases().stream().noneMatch(p -> p.key().equals(phase))) {
                throw ProblemException.badRequest("notes[" + i + "].phase", "'" + phase + "' is not a phase of template "
                        + template.id() + "; its phases are " + template.phases().stream()
                        .map(TemplateSpec.PhaseSpec::key).toList());
            }
        }
    }
}
