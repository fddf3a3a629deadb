package dev.whiteboard.e2e.interview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.client.estimation.model.EstimateResponse;
import dev.whiteboard.client.estimation.model.EstimateRequest;
import dev.whiteboard.client.estimation.model.Period;
import dev.whiteboard.client.feedback.ApiException;
import dev.whiteboard.client.feedback.model.EstimateOutcome;
import dev.whiteboard.client.feedback.model.Evidence;
import dev.whiteboard.client.feedback.model.FeedbackReport;
import dev.whiteboard.client.feedback.model.FigureGrade;
import dev.whiteboard.client.feedback.model.ItemCoverage;
import dev.whiteboard.client.feedback.model.MissedItem;
import dev.whiteboard.client.feedback.model.PhaseTime;
import dev.whiteboard.client.feedback.model.ReportStatus;
import dev.whiteboard.client.feedback.model.Status;
import dev.whiteboard.client.feedback.model.Verdict;
import dev.whiteboard.client.feedback.model.WebhookRequest;
import dev.whiteboard.client.feedback.model.WebhookView;
import dev.whiteboard.client.session.model.ChecklistItem;
import dev.whiteboard.client.session.model.CreateSessionRequest;
import dev.whiteboard.client.session.model.Estimate;
import dev.whiteboard.client.session.model.NoteRequest;
import dev.whiteboard.client.session.model.Session;
import dev.whiteboard.client.session.model.SessionStatus;
import dev.whiteboard.client.session.model.Template;
import dev.whiteboard.client.session.model.TemplatePhase;
import dev.whiteboard.e2e.suite.RunningSuite;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A platform's whole integration, through the generated Java clients only: from a tenant key, register a
 * webhook, run a scripted interview on the default template (six phases, realistic notes, a structured
 * estimate with one right figure and one off by 1,000x), complete it, read the FINAL report and check it
 * against what the notes said, and verify the signed report the webhook receives.
 */
class InterviewThroughJavaClientsTest {
    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    private final InterviewScript script = InterviewScript.load();

    @Test
    void aWholeInterviewThroughTheGeneratedJavaClients() throws Exception {
        RunningSuite suite = RunningSuite.shared();
        PlatformClients clients = PlatformClients.of(suite, suite.newTenantKey("Java platform", "pro"));
        String secret = "whsec_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookView webhook = clients.webhooks().webhooksPut(new WebhookRequest().url(receiver.url()).secret(secret));
            assertThat(webhook.getUrl()).isEqualTo(receiver.url());
            assertThat(webhook.getSecretConfigured()).isTrue();

            Template template = clients.templates().templatesIdGet("default", null);
            assertThat(template.getPhases()).extracting(TemplatePhase::getKey)
                    .containsExactlyElementsOf(script.phases().stream().map(InterviewScript.PhaseNotes::phase).toList());

            UUID sessionId = runInterview(clients);

            FeedbackReport report = awaitFinalReport(clients, sessionId);
            assertThat(report.getSessionId()).isEqualTo(sessionId);
            assertThat(report.getCandidateRef()).isEqualTo(script.candidateRef());
            assertThat(report.getQuestion()).isEqualTo(script.question());
            assertCoverage(report);
            assertMissedItems(report, template);
            assertTimeManagement(report, template);
            assertEstimation(report, clients);
            assertThat(report.getOverallScore()).isBetween(1, 99);

            FeedbackReport delivered = awaitSignedDelivery(receiver, secret, sessionId, clients);
            assertThat(delivered.getStatus()).isEqualTo(ReportStatus.FINAL);
            assertThat(delivered.getOverallScore()).isEqualTo(report.getOverallScore());
            assertThat(delivered.getMissed()).extracting(MissedItem::getItemKey)
                    .containsExactlyInAnyOrderElementsOf(report.getMissed().stream().map(MissedItem::getItemKey).toList());
        }
    }

    /** Creates the session on the default template and walks it phase by phase, then completes it. */
    private UUID runInterview(PlatformClients clients) throws Exception {
        Session session = clients.sessions().sessionsPost(new CreateSessionRequest()
                .question(script.question()).candidateRef(script.candidateRef()), null);
        assertThat(session.getStatus()).isEqualTo(SessionStatus.CREATED);
        assertThat(session.getTemplateId()).isEqualTo("default");
        UUID id = session.getId();

        session = clients.sessions().sessionsIdActionPost("start", id, null, null);
        assertThat(session.getStatus()).isEqualTo(SessionStatus.IN_PROGRESS);

        List<InterviewScript.PhaseNotes> phases = script.phases();
        for (int i = 0; i < phases.size(); i++) {
            InterviewScript.PhaseNotes phase = phases.get(i);
            assertThat(session.getCurrentPhase()).isEqualTo(phase.phase());
            for (InterviewScript.Note note : phase.notes()) {
                var written = clients.sessions().sessionsIdNotesPost(id, new NoteRequest()
                        .phase(phase.phase()).text(note.text()).estimate(estimateOf(note.estimate())), null, null);
                assertThat(written.getPhase()).isEqualTo(phase.phase());
            }
            boolean last = i == phases.size() - 1;
            session = clients.sessions().sessionsIdActionPost(last ? "complete" : "advance", id, null, null);
        }
        assertThat(session.getStatus()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session.getNoteCount())
                .isEqualTo(phases.stream().mapToInt(p -> p.notes().size()).sum());
        return id;
    }

    private static Estimate estimateOf(InterviewScript.Estimate estimate) {
        if (estimate == null) {
            return null;
        }
        Map<String, BigDecimal> candidate = new LinkedHashMap<>();
        estimate.candidate().forEach((figure, value) -> candidate.put(figure, new BigDecimal(value.toString())));
        return new Estimate().inputs(new LinkedHashMap<>(estimate.inputs())).candidate(candidate);
    }

    private static FeedbackReport awaitFinalReport(PlatformClients clients, UUID sessionId) {
        return await("FINAL report of " + sessionId).atMost(REPORT_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(e -> e instanceof ApiException api && api.getCode() == 404)
                .until(() -> clients.feedback().feedbackSessionIdGet(sessionId.toString()),
                        report -> report.getStatus() == ReportStatus.FINAL && estimatesGraded(report));
    }

    /** Grading runs after the report turns FINAL; the test compares reports once the estimate is graded. */
    private static boolean estimatesGraded(FeedbackReport report) {
        return report.getEstimation() != null && !report.getEstimation().getEstimates().isEmpty()
                && report.getEstimation().getEstimates().stream().allMatch(e -> e.getStatus() == Status.GRADED);
    }

    /** Each item the notes clearly cover is covered, with a sentence of the notes as evidence. */
    private void assertCoverage(FeedbackReport report) {
        Map<String, ItemCoverage> items = report.getCoverage().getPhases().stream()
                .flatMap(phase -> phase.getItems().stream())
                .collect(Collectors.toMap(ItemCoverage::getItemKey, Function.identity()));
        String allNotes = script.phases().stream().flatMap(p -> p.notes().stream()).map(InterviewScript.Note::text)
                .collect(Collectors.joining("\n"));

        assertThat(items.keySet()).containsAll(script.expected().covered()).containsAll(script.expected().missed());
        for (String key : script.expected().covered()) {
            ItemCoverage item = items.get(key);
            assertThat(item.getCovered()).as("%s is covered", key).isTrue();
            assertThat(item.getEvidence()).as("evidence for %s", key).isNotEmpty()
                    .allSatisfy(evidence -> assertThat(allNotes).contains(evidence.getSentence().strip()));
        }
        for (String key : script.expected().missed()) {
            assertThat(items.get(key).getCovered()).as("%s is not covered", key).isFalse();
        }
        assertThat(items.get("sharding-key").getEvidence()).extracting(Evidence::getPhase).contains("deep-dive");
        assertThat(report.getCoverage().getTotalItems()).isEqualTo(items.size());
        assertThat(report.getCoverage().getCoveredItems())
                .isBetween(script.expected().covered().size(), items.size() - script.expected().missed().size());
    }

    /** Every deliberately skipped topic is reported missed with its template hint; the CDN among them. */
    private void assertMissedItems(FeedbackReport report, Template template) {
        Map<String, ChecklistItem> checklist = template.getPhases().stream()
                .flatMap(phase -> phase.getChecklist().stream())
                .collect(Collectors.toMap(ChecklistItem::getKey, Function.identity()));
        Map<String, MissedItem> missed = report.getMissed().stream()
                .collect(Collectors.toMap(MissedItem::getItemKey, Function.identity()));

        assertThat(missed.keySet()).containsAll(script.expected().missed())
                .doesNotContainAnyElementsOf(script.expected().covered());
        MissedItem cdn = missed.get("cdn");
        assertThat(cdn.getPhase()).isEqualTo("deep-dive");
        assertThat(cdn.getHint()).isEqualTo(checklist.get("cdn").getHint()).containsIgnoringCase("CDN");
        for (MissedItem item : report.getMissed()) {
            assertThat(item.getHint()).as("hint of %s", item.getItemKey())
                    .isEqualTo(checklist.get(item.getItemKey()).getHint());
        }
    }

    /** The interview took seconds per phase: every phase is under its budget and says so. */
    private static void assertTimeManagement(FeedbackReport report, Template template) {
        Map<String, TemplatePhase> budgets = template.getPhases().stream()
                .collect(Collectors.toMap(TemplatePhase::getKey, Function.identity()));
        List<PhaseTime> phases = report.getTimeManagement().getPhases();

        assertThat(phases).extracting(PhaseTime::getPhase).containsExactlyElementsOf(budgets.keySet().stream()
                .sorted((a, b) -> budgets.get(a).getOrder() - budgets.get(b).getOrder()).toList());
        for (PhaseTime phase : phases) {
            TemplatePhase budget = budgets.get(phase.getPhase());
            assertThat(phase.getVerdict()).as("verdict of %s", phase.getPhase()).isEqualTo(Verdict.UNDER_BUDGET);
            assertThat(phase.getMinMinutes()).isEqualTo(budget.getMinMinutes());
            assertThat(phase.getMaxMinutes()).isEqualTo(budget.getMaxMinutes());
            assertThat(phase.getActualSeconds()).isLessThan(budget.getMinMinutes() * 60L);
            assertThat(phase.getSentence()).contains(String.valueOf(budget.getMinMinutes()));
        }
        assertThat(report.getTimeManagement().getScore()).isLessThan(50);
    }

    /** The right write QPS is ACCURATE; storage a day written in MB for GB is OFF, explained as a units slip. */
    private void assertEstimation(FeedbackReport report, PlatformClients clients) throws Exception {
        InterviewScript.Estimate submitted = script.phases().stream().flatMap(p -> p.notes().stream())
                .map(InterviewScript.Note::estimate).filter(e -> e != null).findFirst().orElseThrow();
        Map<String, Object> inputs = submitted.inputs();
        EstimateResponse computed = clients.estimates().estimate(new EstimateRequest()
                .writes(decimal(inputs.get("writes"))).per(Period.fromValue((String) inputs.get("per")))
                .readsPerWrite(decimal(inputs.get("readsPerWrite")))
                .writeSizeBytes(decimal(inputs.get("writeSizeBytes")))
                .readSizeBytes(decimal(inputs.get("readSizeBytes"))));

        List<EstimateOutcome> estimates = report.getEstimation().getEstimates();
        assertThat(estimates).singleElement().satisfies(outcome -> {
            assertThat(outcome.getPhase()).isEqualTo("capacity");
            assertThat(outcome.getStatus()).isEqualTo(Status.GRADED);
        });
        Map<String, FigureGrade> grades = estimates.get(0).getGrades().stream()
                .collect(Collectors.toMap(FigureGrade::getFigure, Function.identity()));
        assertThat(grades.keySet()).isEqualTo(Set.copyOf(script.expected().estimateVerdicts().keySet()));
        script.expected().estimateVerdicts().forEach((figure, verdict) ->
                assertThat(grades.get(figure).getVerdict()).as("verdict of %s", figure).isEqualTo(verdict));

        FigureGrade writeQps = grades.get("writeQps");
        assertThat(writeQps.getComputed()).isCloseTo(computed.getFigures().getWriteQps().getValue().doubleValue(), within(1e-6));
        assertThat(writeQps.getCandidate()).isEqualTo(submitted.candidate().get("writeQps").doubleValue());
        FigureGrade storage = grades.get("storagePerDayBytes");
        assertThat(storage.getComputed())
                .isCloseTo(computed.getFigures().getStoragePerDayBytes().getValue().doubleValue(), within(1.0));
        assertThat(storage.getRatio()).isCloseTo(0.001, within(1e-9));
        assertThat(storage.getExplanation()).contains("1,000");
    }

    /**
     * The {@code report.final} POST the receiver got for this session ({@code {event, deliveryId, sessionId,
     * report}}), signed with the secret over its timestamp and raw body; returns the report it carries.
     */
    private static FeedbackReport awaitSignedDelivery(WebhookReceiver receiver, String secret, UUID sessionId,
                                                      PlatformClients clients) throws Exception {
        ObjectMapper json = clients.feedbackJson();
        // report.final goes out when the report turns FINAL; report.updated follows once the estimate is graded.
        WebhookReceiver.Delivery delivery = await("signed webhook with the graded report of " + sessionId)
                .atMost(REPORT_TIMEOUT)
                .until(() -> receiver.deliveries().stream()
                        .filter(d -> isGradedFinalReportOf(sessionId, parse(json, d.body()), json)).findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
        assertThat(receiver.deliveries().stream().map(d -> parse(json, d.body()))
                .filter(body -> body.path("sessionId").asText().equals(sessionId.toString()))
                .map(body -> body.path("event").asText()).findFirst())
                .as("the first delivery of the session").contains("report.final");
        String signature = delivery.header(WebhookSignatureCheck.HEADER);
        assertThat(WebhookSignatureCheck.problem(secret, signature, delivery.body(), Instant.now(), SIGNATURE_TOLERANCE))
                .as("signature check of the delivery").isNull();
        assertThat(WebhookSignatureCheck.problem("another-secret", signature, delivery.body(), Instant.now(),
                SIGNATURE_TOLERANCE)).isEqualTo("the HMAC does not match");
        return json.treeToValue(json.readTree(delivery.body()).get("report"), FeedbackReport.class);
    }

    private static boolean isGradedFinalReportOf(UUID sessionId, JsonNode body, ObjectMapper json) {
        if (!body.path("sessionId").asText().equals(sessionId.toString())
                || !List.of("report.final", "report.updated").contains(body.path("event").asText())) {
            return false;
        }
        try {
            FeedbackReport report = json.treeToValue(body.get("report"), FeedbackReport.class);
            return report.getStatus() == ReportStatus.FINAL && estimatesGraded(report);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static JsonNode parse(ObjectMapper json, String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a webhook body is not JSON: " + body, e);
        }
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(number.toString());
    }
}
