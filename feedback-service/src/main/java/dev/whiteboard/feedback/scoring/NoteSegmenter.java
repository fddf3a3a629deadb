package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits notes into the units coverage is judged on: bullet lines, and sentences within lines. A
 * question followed by its answer on the same line is one unit ("Stale data OK? Yes, a minute"); a
 * question left alone is marked unanswered. A short line ending with a colon ("Caching:") is a heading:
 * the lines under it, up to a blank line or the next heading, carry it as context.
 */
final class NoteSegmenter {

    /**
     * One bullet line or sentence with the phase it was written in; text is trimmed original text. For
     * a question joined with its answer, {@code answerStart} is where the answer begins in the text.
     */
    record NoteUnit(String phase, String text, String heading, boolean unansweredQuestion, int answerStart) {
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•+>]+\\s*|\\d{1,2}[.)]\\s+|#+\\s*)");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "eg", "ie", "vs", "approx", "incl",
            "cf", "esp", "resp", "aka", "etc");
    private static final int MAX_HEADING_WORDS = 6;
    static final int MAX_UNIT_CHARS = 1_000;
    /** Closing brackets and quotes that may follow a sentence's last mark. */
    private static final String CLOSERS = ")]}\"'\u201D\u2019";

    List<NoteUnit> units(List<NoteText> notes) {
        List<NoteUnit> units = new ArrayList<>();
        for (NoteText note : notes) {
            if (note != null && note.text() != null) {
                split(note.phase(), note.text(), units);
            }
        }
        return units;
    }

    private static void split(String phase, String text, List<NoteUnit> units) {
        String heading = null;
        for (String rawLine : LINE_BREAK.split(text)) {
            String line = BULLET.matcher(rawLine.strip()).replaceFirst("").strip();
            if (line.isEmpty()) {
                heading = null;
            } else if (isHeading(rawLine.strip(), line)) {
                heading = line.endsWith(":") ? line.substring(0, line.length() - 1).strip() : line;
            } else {
                sentences(phase, line, heading, units);
            }
        }
    }

    private static boolean isHeading(String rawLine, String line) {
        boolean markdownHeading = rawLine.startsWith("#");
        boolean labelLine = line.endsWith(":") && line.split("\\s+").length <= MAX_HEADING_WORDS;
        return markdownHeading || labelLine;
    }

    /** Cuts a line at sentence ends and joins each run of questions with the answer that follows it. */
    private static void sentences(String phase, String line, String heading, List<NoteUnit> units) {
        int sentenceStart = 0;
        int questionsStart = -1;
        int i = 0;
        while (i < line.length()) {
            int end = sentenceEnd(line, i);
            if (end < 0) {
                break;
            }
            boolean question = line.charAt(lastBeforeClosers(line, end)) == '?';
            if (question) {
                if (questionsStart < 0) {
                    questionsStart = sentenceStart;
                }
            } else {
                addAnswered(units, phase, line, questionsStart, sentenceStart, end, heading);
                questionsStart = -1;
            }
            sentenceStart = end;
            i = end;
        }
        if (sentenceStart < line.length()) {
            addAnswered(units, phase, line, questionsStart, sentenceStart, line.length(), heading);
        } else if (questionsStart >= 0) {
            add(units, new NoteUnit(phase, line.substring(questionsStart).strip(), heading, true, 0));
        }
    }

    /** The sentence {@code answerStart..end}, preceded by the questions it answers if any. */
    private static void addAnswered(List<NoteUnit> units, String phase, String line, int questionsStart,
                                    int answerStart, int end, String heading) {
        int start = questionsStart >= 0 ? questionsStart : answerStart;
        String raw = line.substring(start, end);
        String text = raw.strip();
        int leading = raw.indexOf(text.isEmpty() ? raw : text);
        int answerOffset = Math.max(0, answerStart - start - leading);
        add(units, new NoteUnit(phase, text, heading, false, answerOffset));
    }

    /**
     * The end (exclusive) of the sentence that starts at or after {@code from}, or -1 at the line's end; closing
     * brackets and quotes right after the sentence's end belong to it ("caching (LRU? LFU?)").
     */
    private static int sentenceEnd(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean terminator = c == '.' || c == '!' || c == '?' || c == ';';
            int end = i + 1;
            while (terminator && end < line.length() && CLOSERS.indexOf(line.charAt(end)) >= 0) {
                end++;
            }
            boolean atBoundary = end == line.length() || Character.isWhitespace(line.charAt(end));
            if (terminator && atBoundary && !(c == '.' && afterAbbreviation(line, i))) {
                return end;
            }
        }
        return -1;
    }

    /** The position of the last character before {@code end} that is no closing bracket or quote. */
    private static int lastBeforeClosers(String line, int end) {
        int last = end - 1;
        while (last > 0 && CLOSERS.indexOf(line.charAt(last)) >= 0) {
            last--;
        }
        return last;
    }

    private static boolean afterAbbreviation(String line, int dot) {
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(line.charAt(wordStart - 1))
                && line.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        return ABBREVIATIONS.contains(line.substring(wordStart, dot).toLowerCase(Locale.ROOT));
    }

    /**
     * Adds a unit; one longer than {@value #MAX_UNIT_CHARS} characters (no written sentence is: the longest
     * in the labelled answers has 364) goes in as pieces cut at spaces, so that a line without sentence ends
     * costs time in proportion to its length rather than to its square.
     */
    private static void add(List<NoteUnit> units, NoteUnit unit) {
        String text = unit.text();
        if (text.isEmpty()) {
            return;
        }
        if (text.length() <= MAX_UNIT_CHARS) {
            units.add(unit);
            return;
        }
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + MAX_UNIT_CHARS);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                end = space > start ? space : end;
            }
            String piece = text.substring(start, end).strip();
            boolean first = start == 0;
            int answerStart = first && unit.answerStart() < piece.length() ? unit.answerStart() : 0;
            if (!piece.isEmpty()) {
                units.add(new NoteUnit(unit.phase(), piece, unit.heading(), first && unit.unansweredQuestion(),
                        answerStart));
            }
            start = end;
        }
    }
}
