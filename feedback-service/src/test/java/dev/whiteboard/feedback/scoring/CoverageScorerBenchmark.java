package dev.whiteboard.feedback.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.whiteboard.feedback.scoring.CoverageFixtures.LabelledAnswer;

/**
 * Prints how long {@link CoverageScorer#score} takes for a whole interview's notes (not a test: speed
 * is measured here, never asserted). An "interview" is the notes of eight labelled answers together,
 * about 3,500 characters over all six phases. Run from the module directory:
 * <pre>
 * ../mvnw -B test-compile exec:java -Dexec.mainClass=dev.whiteboard.feedback.scoring.CoverageScorerBenchmark \
 *   -Dexec.classpathScope=test
 * </pre>
 */
public final class CoverageScorerBenchmark {

    private static final int ANSWERS_PER_INTERVIEW = 8;
    private static final int WARM_UP_ROUNDS = 300;
    private static final int MEASURED_ROUNDS = 300;

    private CoverageScorerBenchmark() {
    }

    public static void main(String[] args) {
        TemplateSpec template = CoverageFixtures.defaultTemplate();
        List<LabelledAnswer> answers = new ArrayList<>(CoverageFixtures.labelledAnswers("development.json"));
        answers.addAll(CoverageFixtures.labelledAnswers("held-out.json"));
        List<List<NoteText>> interviews = interviews(answers);

        long compileStart = System.nanoTime();
        CoverageScorer scorer = new CoverageScorer();
        scorer.score(template, List.of());
        long compileNanos = System.nanoTime() - compileStart;

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            interviews.forEach(notes -> scorer.score(template, notes));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[MEASURED_ROUNDS * interviews.size()];
        long[] cpuNanos = new long[nanos.length];
        int n = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (List<NoteText> notes : interviews) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                scorer.score(template, notes);
                nanos[n] = System.nanoTime() - start;
                cpuNanos[n++] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        double lines = interviews.stream().mapToLong(notes -> notes.stream()
                .mapToLong(note -> note.text().lines().count()).sum()).average().orElse(0);
        double characters = interviews.stream().mapToLong(notes -> notes.stream()
                .mapToLong(note -> note.text().length()).sum()).average().orElse(0);
        System.out.printf("template compile (first score, cold JVM): %.1f ms%n", compileNanos / 1e6);
        System.out.printf("%d interviews of %.0f lines / %.0f characters on average, %d scorings each%n",
                interviews.size(), lines, characters, MEASURED_ROUNDS);
        System.out.printf("score() per interview, wall clock: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[nanos.length - 1] / 1e6);
        System.out.printf("score() per interview, CPU time of the scoring thread: p50 %.3f ms, p99 %.3f ms "
                        + "(wall clock includes waiting for a core on a shared machine)%n",
                cpuNanos[cpuNanos.length / 2] / 1e6, cpuNanos[(int) (cpuNanos.length * 0.99)] / 1e6);
        hostileNotes(scorer, template);
    }

    /**
     * Notes at POST /coverage's limits (five notes of 20,000 characters, 100,000 in all) written to be slow:
     * one "sentence" of thousands of arrows, each of which starts a data-flow phrase, and the like.
     */
    private static void hostileNotes(CoverageScorer scorer, TemplateSpec template) {
        String[][] cases = {{"arrows", "-> "}, {"unicode arrows", "\u2192 "}, {"a cue word", "cache "},
                {"questions", "cdn? "}, {"a gapped phrase", "behind is fine "}, {"list", "cache, "},
                {"flow with numbers", "client -> api -> db, 100 users x 2 writes/day; "}};
        for (String[] hostile : cases) {
            String note = hostile[1].repeat(20_000 / hostile[1].length() + 1).substring(0, 20_000);
            List<NoteText> notes = List.of(new NoteText("requirements", note), new NoteText("capacity", note),
                    new NoteText("high-level-design", note), new NoteText("data-model", note),
                    new NoteText("deep-dive", note));
            scorer.score(template, notes);
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                scorer.score(template, notes);
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("hostile notes (%s, 5 x 20,000 characters): best of 5 %.1f ms%n", hostile[0], best / 1e6);
        }
    }

    private static List<List<NoteText>> interviews(List<LabelledAnswer> answers) {
        List<List<NoteText>> interviews = new ArrayList<>();
        for (int first = 0; first + ANSWERS_PER_INTERVIEW <= answers.size(); first += ANSWERS_PER_INTERVIEW) {
            List<NoteText> notes = new ArrayList<>();
            answers.subList(first, first + ANSWERS_PER_INTERVIEW).forEach(answer -> notes.addAll(answer.notes()));
            interviews.add(notes);
        }
        return interviews;
    }
}
