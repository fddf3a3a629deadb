package dev.whiteboard.feedback.scoring;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Rewrites the notation of interview notes into words before tokenizing, keeping offsets pointing into
 * the original text: "->" becomes {@value NoteAnalyzer#ARROW}, "<2s" becomes "under 2s", "90%" becomes "90 percent"
 * (a filler word), "reads/s" becomes "reads per s", "2 KB/event" becomes "2 KB per event", "100M" becomes "100 M",
 * "userId" and "user_id" become "user Id" and "user id", "read:write" becomes "read write", "reads >> writes"
 * becomes "reads outnumber writes", "1-N" becomes "one to many" (and "N-1", "1..*" and "0..1" their words),
 * "POST /urls" gains the word "endpoint", and "shorten(url) -> code", "like(postId)", "placeOrder" and
 * "get/set/delete" the word "signature". All rewrites are found on the original text, then applied in one pass
 * (one chained filter per rewrite cost four times the rest of the analysis).
 */
final class NotationCharFilter extends BaseCharFilter {

    /**
     * A pattern and what to do where it matches: replace the match, or insert after it. {@code mayMatch} is a
     * cheap test that holds for every text the pattern matches in; most notes fail it and skip the regex.
     */
    record Rewrite(Predicate<String> mayMatch, Pattern pattern, String replacement, boolean insertAfter) {

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
            + "assign|receive|renew|move|reply|invite|respond|check|ingest|resolve|evaluate|claim|approve|confirm|"
            + "transfer|toggle|archive|promote|ban|mute|commit|checkout|comment|react|swipe|browse|rename|"
            + "restore|retry|stream|watch|play|read|write|scan|sync|export|import|grade|complete|save|fork|embed|sign|"
            + "settle|split|see|review|validate|calculate|autosave|invoice|start|stop|choose|pick|attach|open|close|"
            + "look up|find|view|order|buy|sell|rent|return|upvote|downvote|bookmark|favorite|favourite|repost|"
            + "retweet)";

    private static final CharClass LOWER = range('a', 'z');
    private static final CharClass UPPER = range('A', 'Z');
    private static final CharClass LETTER = LOWER.or(UPPER);
    private static final CharClass DIGIT = range('0', '9');
    private static final CharClass ALNUM = LETTER.or(DIGIT);
    private static final CharClass WORD = ALNUM.or(chars("_"));
    /** The patterns' {@code \s}. */
    private static final CharClass SPACE = chars(" \t\n\u000B\f\r");

    private static final Predicate<String> HAS_CAMEL_CASE = between(LOWER, UPPER, LOWER);
    private static final Predicate<String> HAS_CALL = after(WORD, '(');
    private static final Predicate<String> HAS_ARROW = containing("->", "<-", "→", "←", "⟶", "↔");

    static final List<Rewrite> REWRITES = List.of(
            replace(HAS_CALL.and(HAS_ARROW), "\\b(?=[A-Za-z]\\w*\\([^()\\n]*\\)\\s*(?:->|→))", "signature "),
            replace(HAS_CALL, "\\b(?=" + OPERATION_VERBS + "(?:[A-Z_]\\w*)?\\([^()\\n]*\\))", "signature "),
            replace(HAS_CAMEL_CASE, "\\b(?=" + OPERATION_VERBS
                    + "[A-Z][a-z]+(?:[A-Z][a-z]+)*\\b(?<!Id|Ids|Count|Key)(?!\\())", "signature "),
            replace(NotationCharFilter::hasThreeWordsJoinedBySlashes,
                    "\\b(?=(?i:" + OPERATION_VERBS + ")(?:/(?i:" + OPERATION_VERBS + ")){2,}\\b)", "signature "),
            // three or more short comma-separated items, each led by an operation verb: "upload, download, list
            // folder, share folder" (a list of what the system does, not a sentence of clauses)
            replace(NotationCharFilter::hasTwoCommas, "(?:^|(?<=[:\\-\\u2013\\u2014]\\s?))\\s*(?=(?:(?i:"
                    + OPERATION_VERBS + ")\\b[^,.;:!?\\n]{0,40},\\s*){2,}(?:and\\s+)?(?i:" + OPERATION_VERBS + ")\\b)",
                    " signature "),
            replace(after(SPACE, '/'), "\\b(?=(?:GET|POST|PUT|PATCH|DELETE)\\s+/)", "endpoint "),
            replace(spacedAround(chars("1"), "-:", chars("nN")), "\\b1\\s*[-:]\\s*[nN]\\b", " one to many "),
            replace(spacedAround(chars("nNmM"), "-:", chars("nNmM")), "\\b[nNmM]\\s*[-:]\\s*[nNmM]\\b",
                    " many to many "),
            replace(spacedAround(chars("nN"), "-:", chars("1")), "\\b[nN]\\s*[-:]\\s*1\\b", " many to one "),
            // UML multiplicities: "DocketEntry 0..1 Filing", "Order 1..* Line"; not counts of anything.
            replace(containing(".."), "\\b0\\s*\\.\\.\\s*1\\b", " zero or one "),
            replace(containing(".."), "\\b[01]\\s*\\.\\.\\s*(?:[nN]\\b|\\*)", " one to many "),
            // "<->", "-->", "->", "<-" and the arrow signs: one alternative per first character, longer arrows first.
            replace(HAS_ARROW, "<->?|--?>|[→←⟶↔]", " " + NoteAnalyzer.ARROW + " "),
            replace(containing("<", "≤"), "(?:<=?|≤)(?=\\s*~?\\d)", " under "),
            replace(containing("%"), "(?<=\\d)\\s*%", " percent"),
            // The first ">" of a match follows a letter or a space (never the "-" of an arrow).
            replace(after(LETTER.or(SPACE), '>').or(containing("≫")),
                    "(?<=\\p{Alpha})\\s*(?:>>?>?|≫)\\s*(?=\\p{Alpha})", " outnumber "),
            replace(between(ALNUM, '/', LETTER),
                    "(?<=\\p{Alnum})/(?=(?i:ms|s|sec|secs|second|seconds|min|minute|hr|hour|day|days|week|month|yr|year)\\b)",
                    " per "),
            // "200M saves/d", "3 GB/mo": a day and a month written short.
            replace(between(ALNUM, '/', LETTER), "(?<=\\p{Alnum})/d\\b", " per day"),
            replace(between(ALNUM, '/', LETTER), "(?<=\\p{Alnum})/mo\\b", " per month"),
            // The slash first: the lookbehind is then tried at slashes only, not at every position.
            replace(between(LETTER, '/', LETTER), "/(?<=\\d\\s?(?i:b|kb|mb|gb|bytes?)/)(?=[a-zA-Z])", " per "),
            insertAfter(after(DIGIT, LETTER), "\\b\\d+(?:[.,]\\d+)?(?=[a-zA-Z]+\\b)", " "),
            // a field in milliseconds ("offsetMs", "timeoutMs") stays one word: its "ms" measures no latency
            insertAfter(HAS_CAMEL_CASE, "\\b[a-z]+(?=[A-Z][a-z])(?!Ms\\b)", " "),
            replace(between(ALNUM, ':', ALNUM), "(?<=\\p{Alnum}):(?=\\p{Alnum})", " "),
            replace(containing("_"), "_", " "),
            replace(containing("’", "‘"), "[’‘]", "'"));

    private final Reader input;
    private String output;
    private int position;

    NotationCharFilter(Reader input) {
        super(input);
        this.input = input;
    }

    private static Rewrite insertAfter(Predicate<String> mayMatch, String regex, String inserted) {
        return new Rewrite(mayMatch, Pattern.compile(regex), inserted, true);
    }

    /** Replaces each match; a zero-width pattern inserts the replacement where it matches. */
    private static Rewrite replace(Predicate<String> mayMatch, String regex, String replacement) {
        return new Rewrite(mayMatch, Pattern.compile(regex), replacement, false);
    }

    private static CharClass chars(String members) {
        CharClass charClass = new CharClass();
        members.chars().forEach(c -> charClass.members[c] = true);
        return charClass;
    }

    private static CharClass range(char first, char last) {
        CharClass charClass = new CharClass();
        Arrays.fill(charClass.members, first, last + 1, true);
        return charClass;
    }

    private static Predicate<String> containing(String... parts) {
        return text -> {
            for (String part : parts) {
                if (text.contains(part)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A character of {@code anchor} right after one of {@code before}: {@code after(DIGIT, LETTER)} for "100M". */
    private static Predicate<String> after(CharClass before, CharClass anchor) {
        return text -> {
            for (int i = 1; i < text.length(); i++) {
                if (before.contains(text.charAt(i - 1)) && anchor.contains(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** As {@link #after(CharClass, CharClass)} for one anchor character, which indexOf finds faster than a scan. */
    private static Predicate<String> after(CharClass before, char anchor) {
        return text -> {
            for (int i = text.indexOf(anchor, 1); i >= 0; i = text.indexOf(anchor, i + 1)) {
                if (before.contains(text.charAt(i - 1))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A character of {@code anchor} right between characters of the other two classes: "aBc" for camel case. */
    private static Predicate<String> between(CharClass before, CharClass anchor, CharClass after) {
        return text -> {
            for (int i = 1; i + 1 < text.length(); i++) {
                if (anchor.contains(text.charAt(i)) && before.contains(text.charAt(i - 1))
                        && after.contains(text.charAt(i + 1))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** As {@link #between(CharClass, CharClass, CharClass)} for one anchor character, found by indexOf. */
    private static Predicate<String> between(CharClass before, char anchor, CharClass after) {
        return text -> {
            for (int i = text.indexOf(anchor, 1); i >= 0 && i + 1 < text.length(); i = text.indexOf(anchor, i + 1)) {
                if (before.contains(text.charAt(i - 1)) && after.contains(text.charAt(i + 1))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** One of the {@code anchors} between characters of the two classes, white space allowed around it: "1 : n". */
    private static Predicate<String> spacedAround(CharClass before, String anchors, CharClass after) {
        return text -> {
            for (int a = 0; a < anchors.length(); a++) {
                char anchor = anchors.charAt(a);
                for (int i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) {
                    int left = i - 1;
                    while (left >= 0 && SPACE.contains(text.charAt(left))) {
                        left--;
                    }
                    int right = i + 1;
                    while (right < text.length() && SPACE.contains(text.charAt(right))) {
                        right++;
                    }
                    if (left >= 0 && right < text.length() && before.contains(text.charAt(left))
                            && after.contains(text.charAt(right))) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    /** Letters, a slash, letters, a slash and a letter: "get/set/delete". */
    private static boolean hasTwoCommas(String text) {
        int first = text.indexOf(',');
        return first >= 0 && text.indexOf(',', first + 1) >= 0;
    }

    private static boolean hasThreeWordsJoinedBySlashes(String text) {
        for (int slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
            int next = slash + 1;
            while (next < text.length() && LETTER.contains(text.charAt(next))) {
                next++;
            }
            if (slash > 0 && LETTER.contains(text.charAt(slash - 1)) && next > slash + 1 && next + 1 < text.length()
                    && text.charAt(next) == '/' && LETTER.contains(text.charAt(next + 1))) {
                return true;
            }
        }
        return false;
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
            if (!rewrite.mayMatch().test(text)) {
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

    /** A set of ASCII characters: the patterns use no UNICODE_CHARACTER_CLASS, so theirs are. */
    private static final class CharClass {
        private final boolean[] members = new boolean[128];

        CharClass or(CharClass other) {
            CharClass union = new CharClass();
            for (int c = 0; c < members.length; c++) {
                union.members[c] = members[c] || other.members[c];
            }
            return union;
        }

        boolean contains(char c) {
            return c < members.length && members[c];
        }
    }
}
