package dev.whiteboard.feedback.service;

import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.feedback.domain.CandidateProgress;
import dev.whiteboard.feedback.domain.FeedbackReport;
import dev.whiteboard.feedback.domain.ProgressCalculator;
import dev.whiteboard.feedback.domain.ReportStatus;
import dev.whiteboard.feedback.repository.ReportRecord;
import dev.whiteboard.feedback.repository.ReportRepository;
import dev.whiteboard.feedback.repository.SessionRecord;
import dev.whiteboard.feedback.repository.SessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Reads reports for the API, always within the caller's tenant: another tenant's report is "not found". */
@ApplicationScoped
public class FeedbackQueries {
    /** Most recent interviews a progress summary covers. */
    static final int PROGRESS_WINDOW = 200;

    private final ReportRepository reports;
    private final SessionRepository sessions;
    private final ReportCodec codec;
    private final ProgressCalculator progress = new ProgressCalculator();

    public FeedbackQueries(ReportRepository reports, SessionRepository sessions, ReportCodec codec) {
        this.reports = reports;
        this.sessions = sessions;
        this.codec = codec;
    }

    @WithSession
    public Uni<FeedbackReport> report(String tenantId, UUID sessionId) {
        return reports.findForTenant(sessionId, tenantId).chain(report -> {
            if (report == null) {
                return Uni.createFrom().failure(notFound(sessionId));
            }
            if (report.body != null) {
                return Uni.createFrom().item(codec.read(report.body));
            }
            return sessions.findForTenant(sessionId, tenantId).map(session -> placeholder(report, session));
        });
    }

    @WithSession
    public Uni<CandidateProgress> progress(String tenantId, String candidateRef) {
        return reports.listForCandidate(tenantId, candidateRef, PROGRESS_WINDOW).map(rows -> {
            if (rows.isEmpty()) {
                throw ProblemException.notFound("no interviews of candidate " + candidateRef + " are known");
            }
            List<ProgressCalculator.Entry> entries = rows.stream()
                    .map(r -> new ProgressCalculator.Entry(r.body == null ? placeholder(r, null) : codec.read(r.body),
                            r.createdAt))
                    .toList();
            return progress.progress(candidateRef, entries);
        });
    }

    public static ProblemException notFound(UUID sessionId) {
        return ProblemException.notFound("no feedback for session " + sessionId + " (yet): it appears with the "
                + "session's first event");
    }

    /** A report not computed yet: what is known of the session, no scores. */
    private static FeedbackReport placeholder(ReportRecord report, SessionRecord session) {
        return new FeedbackReport(report.sessionId, report.status == null ? ReportStatus.PENDING : report.status, null,
                session == null ? report.candidateRef : session.candidateRef,
                session == null ? null : session.question,
                session == null ? null : ReportRefresher.templateOf(session),
                null, null, null, List.of(), null, new FeedbackReport.Estimation(null, List.of()),
                report.updatedAt, report.finalizedAt);
    }
}
