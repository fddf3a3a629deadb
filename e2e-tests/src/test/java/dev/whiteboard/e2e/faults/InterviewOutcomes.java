package dev.whiteboard.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whiteboard.e2e.suite.RunningSuite;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome every fault test of the event path must show: each interview has exactly one FINAL
 * report, equal (once its estimate is graded) to the report of an interview that met no fault, and
 * feedback-service applied each of its events exactly once.
 */
final class InterviewOutcomes {
    private final RunningSuite suite;
    private final FeedbackReports reports;
    private final ReportFingerprint control;

    private InterviewOutcomes(RunningSuite suite, FeedbackReports reports, ReportFingerprint control) {
        this.suite = suite;
        this.reports = reports;
        this.control = control;
    }

    /** Runs one interview with no fault and keeps its FINAL report as the reference. */
    static InterviewOutcomes withControlInterview(RunningSuite suite, SuiteHttp http) throws InterruptedException {
        ScriptedInterview.Completed reference = new ScriptedInterview(http, suite.url(RunningSuite.SESSION))
                .run("control", Duration.ZERO);
        FeedbackReports reports = new FeedbackReports(http, suite.url(RunningSuite.FEEDBACK));
        Map<UUID, JsonNode> finals = reports.awaitSettled(List.of(reference.id()), Duration.ofSeconds(60));
        assertThat(finals).as("the control interview's report turns FINAL and graded").containsKey(reference.id());
        ReportFingerprint control = ReportFingerprint.of(finals.get(reference.id()));
        assertThat(control.coveredItems()).as("the scripted notes cover something").isPositive();
        assertThat(control.estimates()).as("the capacity estimate is graded").singleElement().asString().contains("GRADED");
        return new InterviewOutcomes(suite, reports, control);
    }

    void assertEachExactlyOnceFinal(List<ScriptedInterview.Completed> interviews, Duration timeout) throws Exception {
        List<UUID> ids = interviews.stream().map(ScriptedInterview.Completed::id).toList();
        Map<UUID, JsonNode> finals = reports.awaitSettled(ids, timeout);
        FeedbackLedger ledger = new FeedbackLedger(suite);
        Map<UUID, List<Long>> applied = ledger.appliedSequences(ids);
        assertThat(interviews.stream().filter(i -> !finals.containsKey(i.id())).map(i -> i.id() + " (published 1.."
                        + i.lastSequence() + ", applied " + applied.get(i.id()) + ", report now " + state(i.id()) + ")"))
                .as("sessions whose report did not turn FINAL and graded within %s", timeout).isEmpty();

        for (ScriptedInterview.Completed interview : interviews) {
            assertThat(interview.notes()).as("notes session-service holds for %s", interview.id())
                    .isEqualTo(ScriptedInterview.NOTES.size());
            assertThat(ReportFingerprint.of(finals.get(interview.id())))
                    .as("report of %s against the control interview's", interview.id()).isEqualTo(control);
        }

        Map<UUID, List<Long>> notes = ledger.noteSequences(ids);
        Map<UUID, String> wrong = interviews.stream()
                .filter(i -> !FeedbackLedger.oneTo(i.lastSequence()).equals(applied.get(i.id()))
                        || notes.getOrDefault(i.id(), List.of()).size() != ScriptedInterview.NOTES.size())
                .collect(Collectors.toMap(ScriptedInterview.Completed::id, i -> "published 1.." + i.lastSequence()
                        + ", applied " + applied.get(i.id()) + ", notes at " + notes.get(i.id())));
        assertThat(wrong).as("sessions whose events were not each applied exactly once").isEmpty();

        for (ScriptedInterview.Completed interview : interviews) {
            assertThat(reports.get(interview.id()).json().path("status").asText()).as("%s still FINAL", interview.id())
                    .isEqualTo("FINAL");
            JsonNode progress = reports.progress(interview.candidateRef()).json();
            assertThat(progress.path("history").findValuesAsText("sessionId"))
                    .as("reports in the progress of %s, who had one interview", interview.candidateRef())
                    .containsExactly(interview.id().toString());
            assertThat(progress.path("history").findValuesAsText("status")).containsExactly("FINAL");
        }
    }

    private String state(UUID id) {
        SuiteHttp.Reply reply = reports.get(id);
        if (!reply.ok()) {
            return reply.toString();
        }
        JsonNode report = reply.json();
        return report.path("status").asText() + ", estimates "
                + report.path("estimation").path("estimates").findValuesAsText("status");
    }
}
