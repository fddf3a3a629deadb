package dev.whiteboard.feedback.domain;

import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackReportBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final TemplateSpec TEMPLATE = new TemplateSpec("default", 1, "d", List.of(
            new TemplateSpec.PhaseSpec("deep-dive", "Deep dive", 1, 15, 20, List.of(
                    new TemplateSpec.ChecklistItemSpec("cache-eviction", "Eviction?", "Name a policy", List.of("lru")),
                    new TemplateSpec.ChecklistItemSpec("cdn", "CDN?", "Decide on a CDN", List.of("cdn"))))));
    /** Covers what a note names verbatim; enough to test how the report is put together. */
    private static final CoverageScoring NAIVE = (template, notes) -> {
        List<CoverageReport.ItemCoverage> items = template.phases().get(0).checklist().stream().map(item -> {
            List<CoverageReport.Evidence> evidence = notes.stream()
                    .filter(n -> n.text().toLowerCase().contains(item.cues().get(0)))
                    .map(n -> new CoverageReport.Evidence(n.phase(), n.text())).toList();
            return new CoverageReport.ItemCoverage(item.key(), item.prompt(), !evidence.isEmpty(), evidence, item.hint());
        }).toList();
        long covered = items.stream().filter(CoverageReport.ItemCoverage::covered).count();
        return new CoverageReport(covered / 2.0, (int) covered, 2,
                List.of(new CoverageReport.PhaseCoverage("deep-dive", "Deep dive", covered / 2.0, items)));
    };
    private final FeedbackReportBuilder builder = new FeedbackReportBuilder(NAIVE);

    @Test
    void anEndedSessionWithEveryEventIsFinalWithMissedItemsAndWeights() {
        FeedbackReport report = builder.build(input(Lifecycle.COMPLETED, true, false));
        assertThat(report.status()).isEqualTo(ReportStatus.FINAL);
        assertThat(report.finalizedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(report.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(report.outcome()).isEqualTo("COMPLETED");
        assertThat(report.missed()).extracting(FeedbackReport.MissedItem::itemKey).containsExactly("cdn");
        assertThat(report.missed().get(0).hint()).isEqualTo("Decide on a CDN");
        assertThat(report.scoring().parts().coverage()).isEqualTo(50);
        assertThat(report.scoring().parts().timeManagement()).isEqualTo(100);
        assertThat(report.overallScore()).isEqualTo(65);
    }

    @Test
    void anEndedSessionWithAGapWaitsUntilTheGraceRunsOut() {
        assertThat(builder.build(input(Lifecycle.COMPLETED, false, false)).status()).isEqualTo(ReportStatus.LIVE);
        assertThat(builder.build(input(Lifecycle.COMPLETED, false, true)).status()).isEqualTo(ReportStatus.FINAL);
    }

    @Test
    void aSessionNotStartedIsPending() {
        SessionSnapshot created = new SessionSnapshot(UUID.randomUUID(), "t", "c", "q", new TemplateRef("default", 1),
                Lifecycle.CREATED, null, true, false);
        assertThat(FeedbackReportBuilder.statusOf(created, false)).isEqualTo(ReportStatus.PENDING);
    }

    @Test
    void theFirstFinalizationTimeIsKept() {
        Instant first = NOW.minusSeconds(600);
        FeedbackReportBuilder.Input in = input(Lifecycle.COMPLETED, true, false);
        FeedbackReport again = builder.build(new FeedbackReportBuilder.Input(in.session(), in.template(), in.notes(),
                in.timings(), in.estimates(), false, first, NOW, NOW.plusSeconds(5)));
        assertThat(again.finalizedAt()).isEqualTo(first);
    }

    private static FeedbackReportBuilder.Input input(Lifecycle lifecycle, boolean complete, boolean graceExpired) {
        SessionSnapshot session = new SessionSnapshot(UUID.randomUUID(), "t", "acc", "Design a feed",
                new TemplateRef("default", 1), lifecycle, NOW, complete, true);
        return new FeedbackReportBuilder.Input(session, TEMPLATE,
                List.of(new NoteText("deep-dive", "Redis with LRU eviction")),
                List.of(new PhaseTiming("deep-dive", NOW.minusSeconds(1000), NOW, 1000L, null, null)),
                List.of(), graceExpired, null, NOW, NOW.plusSeconds(5));
    }
}
