package dev.whiteboard.feedback.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.whiteboard.feedback.scoring.CoverageReport.ItemCoverage;

/** The default template (session-service's file, the one platforms get) and the hand-labelled answers. */
final class CoverageFixtures {

    /** session-service's file, found from this module's target/test-classes whatever the working directory. */
    static final Path DEFAULT_TEMPLATE = moduleDirectory()
            .resolve(Path.of("..", "session-service", "src", "main", "resources", "templates", "default-template.json"))
            .normalize();

    private static final ObjectMapper JSON = new ObjectMapper();

    record LabelledAnswer(String id, String design, String style, List<NoteText> notes, Set<String> covered) {
    }

    /** Precision and recall of the scorer's covered/not-covered decisions against the hand labels. */
    record Accuracy(int truePositives, int falsePositives, int falseNegatives, int decisions, List<String> mistakes) {

        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }
    }

    private record AnswerFile(List<AnswerJson> answers) {
    }

    private record AnswerJson(String id, String design, String style, List<NoteJson> notes, List<String> covered) {
    }

    private record NoteJson(String phase, List<String> lines) {
    }

    private CoverageFixtures() {
    }

    private static Path moduleDirectory() {
        try {
            Path testClasses = Path.of(CoverageFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TemplateSpec defaultTemplate() {
        try {
            return JSON.readValue(DEFAULT_TEMPLATE.toFile(), TemplateSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LabelledAnswer> labelledAnswers(String resource) {
        try (InputStream in = CoverageFixtures.class.getResourceAsStream("/coverage/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no labelled set " + resource);
            }
            List<LabelledAnswer> answers = new ArrayList<>();
            for (AnswerJson answer : JSON.readValue(in, AnswerFile.class).answers()) {
                List<NoteText> notes = answer.notes().stream()
                        .map(note -> new NoteText(note.phase(), String.join("\n", note.lines())))
                        .toList();
                answers.add(new LabelledAnswer(answer.id(), answer.design(), answer.style(), notes,
                        Set.copyOf(answer.covered())));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Accuracy measure(CoverageScorer scorer, TemplateSpec template, List<LabelledAnswer> answers) {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int decisions = 0;
        List<String> mistakes = new ArrayList<>();
        for (LabelledAnswer answer : answers) {
            for (ItemCoverage item : items(scorer.score(template, answer.notes()))) {
                boolean labelled = answer.covered().contains(item.itemKey());
                decisions++;
                if (item.covered() && labelled) {
                    truePositives++;
                } else if (item.covered()) {
                    falsePositives++;
                    mistakes.add(answer.id() + " false positive " + item.itemKey() + " <- " + item.evidence());
                } else if (labelled) {
                    falseNegatives++;
                    mistakes.add(answer.id() + " false negative " + item.itemKey());
                }
            }
        }
        return new Accuracy(truePositives, falsePositives, falseNegatives, decisions, mistakes);
    }

    static List<ItemCoverage> items(CoverageReport report) {
        return report.phases().stream().flatMap(phase -> phase.items().stream()).toList();
    }

    static Set<String> coveredKeys(CoverageReport report) {
        Set<String> keys = new HashSet<>();
        items(report).stream().filter(ItemCoverage::covered).forEach(item -> keys.add(item.itemKey()));
        return keys;
    }

    static ItemCoverage item(CoverageReport report, String key) {
        return items(report).stream().filter(item -> item.itemKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + key));
    }
}
