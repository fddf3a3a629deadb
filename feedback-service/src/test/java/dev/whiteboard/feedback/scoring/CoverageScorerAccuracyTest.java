package dev.whiteboard.feedback.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.whiteboard.feedback.scoring.CoverageFixtures.Accuracy;
import dev.whiteboard.feedback.scoring.CoverageFixtures.LabelledAnswer;
import dev.whiteboard.feedback.scoring.TemplateSpec.ChecklistItemSpec;
import dev.whiteboard.feedback.scoring.TemplateSpec.PhaseSpec;

/**
 * Precision and recall of the scorer on hand-labelled answers (src/test/resources/coverage). The
 * development set, which the scorer is tuned on, must reach the 0.9 the issue aims at. The held-out set
 * is written and labelled before a round of tuning and measured once at its end; unseen answers have
 * stayed below 0.9 in every round (see the set's README), so its gate is the level it was measured at,
 * rounded down, and a change that makes the scorer worse on answers it never saw fails here (decision
 * 0006).
 */
class CoverageScorerAccuracyTest {

    private static final double REQUIRED = 0.9;
    /** Round 19's held-out set measured precision 0.898 and recall 0.862 once; these floors are those, rounded down. */
    private static final double HELD_OUT_PRECISION_FLOOR = 0.85;
    private static final double HELD_OUT_RECALL_FLOOR = 0.85;

    private final CoverageScorer scorer = new CoverageScorer();
    private final TemplateSpec template = CoverageFixtures.defaultTemplate();

    @Test
    void heldOutAnswersStayAtTheLevelTheyWereMeasuredAt() {
        Accuracy accuracy = report("held-out", CoverageFixtures.labelledAnswers("held-out.json"), false);

        assertThat(accuracy.precision()).as("held-out precision").isGreaterThanOrEqualTo(HELD_OUT_PRECISION_FLOOR);
        assertThat(accuracy.recall()).as("held-out recall").isGreaterThanOrEqualTo(HELD_OUT_RECALL_FLOOR);
    }

    @Test
    void developmentAnswersReachPrecisionAndRecallOfNinetyPercent() {
        Accuracy accuracy = report("development", CoverageFixtures.labelledAnswers("development.json"), true);

        assertThat(accuracy.precision()).as("development precision").isGreaterThanOrEqualTo(REQUIRED);
        assertThat(accuracy.recall()).as("development recall").isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void labelledSetsAreLargeEnoughAndLabelOnlyTemplateItemsAndPhases() {
        List<LabelledAnswer> heldOut = CoverageFixtures.labelledAnswers("held-out.json");
        List<LabelledAnswer> development = CoverageFixtures.labelledAnswers("development.json");
        Set<String> itemKeys = new HashSet<>();
        Set<String> phaseKeys = new HashSet<>();
        for (PhaseSpec phase : template.phases()) {
            phaseKeys.add(phase.key());
            phase.checklist().stream().map(ChecklistItemSpec::key).forEach(itemKeys::add);
        }
        Set<String> ids = new HashSet<>();

        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(15);
        assertThat(heldOut.size() + development.size()).isGreaterThanOrEqualTo(40);
        for (LabelledAnswer answer : concat(heldOut, development)) {
            assertThat(ids.add(answer.id())).as("unique id " + answer.id()).isTrue();
            assertThat(itemKeys).as(answer.id() + " labels").containsAll(answer.covered());
            answer.notes().forEach(note -> assertThat(phaseKeys).as(answer.id() + " phase").contains(note.phase()));
        }
    }

    private Accuracy report(String name, List<LabelledAnswer> answers, boolean printMistakes) {
        Accuracy accuracy = CoverageFixtures.measure(scorer, template, answers);
        System.out.printf("coverage accuracy [%s]: precision %.3f, recall %.3f (%d answers, %d item decisions, "
                        + "tp %d, fp %d, fn %d)%n", name, accuracy.precision(), accuracy.recall(), answers.size(),
                accuracy.decisions(), accuracy.truePositives(), accuracy.falsePositives(), accuracy.falseNegatives());
        if (printMistakes) {
            accuracy.mistakes().forEach(mistake -> System.out.println("  " + mistake));
        }
        return accuracy;
    }

    private static List<LabelledAnswer> concat(List<LabelledAnswer> first, List<LabelledAnswer> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
