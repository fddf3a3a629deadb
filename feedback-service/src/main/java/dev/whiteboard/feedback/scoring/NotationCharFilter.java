package dev.whiteboard.feedback.scoring;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Rewrites the notation of interview notes into words before tokenizing, keeping offsets pointing into
 * the original text: "->" becomes {@value NoteAnalyzer#ARROW}, "<2s" becomes "under 2s", "90%" becomes "90 percent"
 * (a filler word), "reads/s" becomes "reads per s", "2 KB/event" becomes "2 KB per event", "100M" becomes "100 M",
 * "userId" and "user_id" become "user Id" and "user id", "read:write" becomes "read write", "reads >> writes"
 * becomes "reads outnumber writes", "1-N" becomes "one to many", "POST /urls" gains the word "endpoint", and
 * "shorten(url) -> code", "like(postId)", "placeOrder" and "get/set/delete" the word "signature". All rewrites are found on the
 * original text, then applied in one pass (one chained filter per rewrite cost four times the rest of the analysis).
 */
final class NotationCharFilter extends BaseCharFilter {

    /**
     * A pattern and what to do where it matches: replace the match, or insert after it. The pattern can
     * only match text holding one of the {@code triggers}; most notes hold none, and skip the regex.
     */
    private record Rewrite(String triggers, Pattern pattern, String replacement, boolean insertAfter) {

        boolean mayApplyTo(String text) {
            for (int i = 0; i < triggers.length(); i++) {
                if (text.indexOf(triggers.charAt(i)) >= 0) {
                    return true;
                }
            }
            return false;
        }

        Edit edit(Matcher match) {
            return insertAfter ? new Edit(match.end(), match.end(), replacement)
                    : new Edit(match.start(), match.end(), replacement);
        }
    }

    private record Edit(int start, int end, String replacement) {
    }

    /**
     * A call named by one of these verbs, alone or leading a camel-case name, is an API operation
     * ("like(postId)", "sendMessage(convId, body)"); a table is named by a noun ("posts(id, author_id)").
     * So is a camel-case name led by one without its parentheses ("placeOrder, trackOrder"), unless it
     * names an id, count or key ("postId"), and a run of three verbs joined by slashes ("get/set/delete").
     */
    private static final String OPERATION_VERBS = "(?:get|put|post|create|update|delete|remove|add|list|send|fetch|"
            + "like|unlike|follow|unfollow|shorten|redirect|upload|download|search|submit|book|cancel|publish|"
            + "subscribe|unsubscribe|mark|register|schedule|pause|resume|set|query|join|leave|vote|bid|place|"
            + "reserve|pay|refund|share|edit|rate|report|track|record|increment|enqueue|dequeue|acquire|release|accept|"
            + "assign|receive|renew|move|reply|invite|respond|check|ingest)";

    private static final String DIGITS = "0123456789";
    private static final String UPPER_CASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final List<Rewrite> REWRITES = List.of(
            replace("(", "\\b(?=[A-Za-z]\\w*\\([^()\\n]*\\)\\s*(?:->|→))", "signature "),
            replace("(", "\\b(?=" + OPERATION_VERBS + "(?:[A-Z_]\\w*)?\\([^()\\n]*\\))", "signature "),
            replace(UPPER_CASE, "\\b(?=" + OPERATION_VERBS
                    + "[A-Z][a-z]+(?:[A-Z][a-z]+)*\\b(?<!Id|Ids|Count|Key)(?!\\())", "signature "),
            replace("/", "\\b(?=(?i:" + OPERATION_VERBS + ")(?:/(?i:" + OPERATION_VERBS + ")){2,}\\b)",
                    "signature "),
            replace("/", "\\b(?=(?:GET|POST|PUT|PATCH|DELETE)\\s+/)", "endpoint "),
            replace("-:", "\\b1\\s*[-:]\\s*[nN]\\b", " one to many "),
            replace("-:", "\\b[nNmM]\\s*[-:]\\s*[nNmM]\\b", " many to many "),
            replace("<>→←⟶↔", "<->|-->|->|<-|→|←|⟶|↔", " " + NoteAnalyzer.ARROW + " "),
            replace("<≤", "(?:<=?|≤)(?=\\s*~?\\d)", " under "),
            replace("%", "(?<=\\d)\\s*%", " percent"),
            replace(">≫", "(?<=\\p{Alpha})\\s*(?:>>?|≫)\\s*(?=\\p{Alpha})", " outnumber "),
            replace("/", "(?<=\\p{Alnum})/(?=(?i:ms|s|sec|secs|second|seconds|min|minute|hr|hour|day|days|week|month|yr|year)\\b)",
                    " per "),
            replace("/", "(?<=\\d\\s?(?i:b|kb|mb|gb|bytes?))/(?=[a-zA-Z])", " per "),
            insertAfter(DIGITS, "\\b\\d+(?:[.,]\\d+)?(?=[a-zA-Z]+\\b)", " "),
            insertAfter(UPPER_CASE, "\\b[a-z]+(?=[A-Z][a-z])", " "),
            replace(":", "(?<=\\p{Alnum}):(?=\\p{Alnum})", " "),
            replace("_", "_", " "),
            replace("’‘", "[’‘]", "'"));

    private final Reader input;
    private String output;
    private int position;

    NotationCharFilter(Reader input) {
        super(input);
        this.input = input;
    }

    private static Rewrite insertAfter(String triggers, String regex, String inserted) {
        return new Rewrite(triggers, Pattern.compile(regex), inserted, true);
    }

    /** Replaces each match; a zero-width pattern inserts the replacement where it matches. */
    private static Rewrite replace(String triggers, String regex, String replacement) {
        return new Rewrite(triggers, Pattern.compile(regex), replacement, false);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (output == null) {
            output = rewrite(readAll());
        }
        if (position >= output.length()) {
            return -1;
        }
        int count = Math.min(length, output.length() - position);
        output.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[256];
        for (int read = input.read(chunk); read >= 0; read = input.read(chunk)) {
            text.append(chunk, 0, read);
        }
        return text.toString();
    }

    private String rewrite(String text) {
        List<Edit> edits = new ArrayList<>();
        for (Rewrite rewrite : REWRITES) {
            if (!rewrite.mayApplyTo(text)) {
                continue;
            }
            Matcher matcher = rewrite.pattern().matcher(text);
            while (matcher.find()) {
                edits.add(rewrite.edit(matcher));
            }
        }
        if (edits.isEmpty()) {
            return text;
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder rewritten = new StringBuilder(text.length() + 16 * edits.size());
        int copiedUpTo = 0;
        int inputMinusOutput = 0;
        for (Edit edit : edits) {
            if (edit.start() < copiedUpTo) {
                continue;
            }
            rewritten.append(text, copiedUpTo, edit.start());
            int replacedFrom = rewritten.length();
            rewritten.append(edit.replacement());
            int removed = edit.end() - edit.start();
            int added = edit.replacement().length();
            if (added < removed) {
                inputMinusOutput += removed - added;
                addOffCorrectMap(replacedFrom + added, inputMinusOutput);
            } else {
                // Every added character points back at the end of the text it replaced (or the insertion point).
                for (int extra = 1; extra <= added - removed; extra++) {
                    addOffCorrectMap(replacedFrom + removed + extra, inputMinusOutput - extra);
                }
                inputMinusOutput -= added - removed;
            }
            copiedUpTo = edit.end();
        }
        rewritten.append(text, copiedUpTo, text.length());
        return rewritten.toString();
    }
}
