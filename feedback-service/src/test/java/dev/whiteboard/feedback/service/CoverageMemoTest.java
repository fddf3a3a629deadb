package dev.whiteboard.feedback.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.whiteboard.feedback.domain.FeedbackReport;
import dev.whiteboard.feedback.domain.FeedbackReportBuilder;
import dev.whiteboard.feedback.domain.Lifecycle;
import dev.whiteboard.feedback.domain.SessionSnapshot;
import dev.whiteboard.feedback.domain.TemplateRef;
import dev.whiteboard.feedback.scoring.CoverageReport;
import dev.whiteboard.feedback.scoring.CoverageScorer;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.scoring.TemplateSpec;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageMemoTest {
    private static final List<NoteText> NOTES = List.of(
            new NoteText("requirements", "100M daily users, reads outnumber writes 100:1."),
            new NoteText("deep-dive", "Cache hot feeds in Redis with LRU eviction; shard posts by user id."));

    private final TemplateSpec template = defaultTemplate();

    @Test
    void theFingerprintNamesTheTemplateVersionAndEveryNoteInOrder() {
        String fingerprint = CoverageMemo.fingerprint(template, NOTES);

        assertThat(CoverageMemo.fingerprint(template, List.copyOf(NOTES))).isEqualTo(fingerprint);
        assertThat(fingerprint).hasSize(64);
        assertThat(CoverageMemo.fingerprint(template, List.of(NOTES.get(1), NOTES.get(0)))).isNotEqualTo(fingerprint);
        assertThat(CoverageMemo.fingerprint(template, List.of(NOTES.get(0)))).isNotEqualTo(fingerprint);
        assertThat(CoverageMemo.fingerprint(template, List.of(NOTES.get(0),
                new NoteText("data-model", NOTES.get(1).text())))).isNotEqualTo(fingerprint);
        assertThat(CoverageMemo.fingerprint(template, List.of(NOTES.get(0),
                new NoteText("deep-dive", NOTES.get(1).text() + " ")))).isNotEqualTo(fingerprint);
        TemplateSpec nextVersion = new TemplateSpec(template.id(), template.version() + 1, template.name(),
                template.phases());
        assertThat(CoverageMemo.fingerprint(nextVersion, NOTES)).isNotEqualTo(fingerprint);
    }

    @Test
    void whereOneValueEndsIsPartOfTheFingerprint() {
        List<NoteText> split = List.of(new NoteText("deep-dive", "ab"), new NoteText("deep-dive", "c"));
        List<NoteText> splitElsewhere = List.of(new NoteText("deep-dive", "a"), new NoteText("deep-dive", "bc"));

        assertThat(CoverageMemo.fingerprint(template, split)).isNotEqualTo(CoverageMemo.fingerprint(template, splitElsewhere));
    }

    @Test
    void rememberedCoverageIsServedWithoutScoringAgain() {
        CoverageMemo memo = new CoverageMemo(new CoverageScorer());
        CoverageReport remembered = new CoverageReport(0.5, 1, 2, List.of());

        assertThat(memo.holds(template, NOTES)).isFalse();
        memo.remember(template, NOTES, remembered);

        assertThat(memo.holds(template, List.copyOf(NOTES))).isTrue();
        assertThat(memo.holds(template, List.of(NOTES.get(0)))).isFalse();
        assertThat(memo.score(template, List.copyOf(NOTES))).isSameAs(remembered);
        assertThat(memo.score(template, List.of(NOTES.get(0)))).isNotSameAs(remembered);
    }

    @Test
    void coverageReadBackFromAStoredReportEqualsTheCoverageScored() {
        CoverageMemo memo = new CoverageMemo(new CoverageScorer());
        FeedbackReportBuilder builder = new FeedbackReportBuilder(memo::score);
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        SessionSnapshot session = new SessionSnapshot(UUID.randomUUID(), "t", "c", "q",
                new TemplateRef(template.id(), template.version()), Lifecycle.COMPLETED, now, true, true);
        FeedbackReport built = builder.build(new FeedbackReportBuilder.Input(session, template, NOTES, List.of(),
                List.of(), false, null, now, now));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ReportCodec codec = new ReportCodec(json);

        CoverageReport readBack = codec.read(codec.write(built)).coverage();

        assertThat(built.coverage().coveredItems()).isPositive();
        assertThat(readBack).isEqualTo(built.coverage());
    }

    private static TemplateSpec defaultTemplate() {
        try {
            return new ObjectMapper().readValue(
                    new File("../session-service/src/main/resources/templates/default-template.json"), TemplateSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
