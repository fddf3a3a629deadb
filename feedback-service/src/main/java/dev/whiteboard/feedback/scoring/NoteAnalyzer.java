package dev.whiteboard.feedback.scoring;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns note text and cue phrases into the same stemmed tokens, so that "caching", "cached" and "cache"
 * meet, "100M users" reads as a number followed by "users", and an arrow is a word that cues can name
 * ({@link NotationCharFilter}, then the standard tokenizer, possessives, lower case, ASCII folding and
 * Porter stemming). Thread-safe: Lucene keeps one token stream per thread.
 */
final class NoteAnalyzer extends Analyzer {

    /** The token every arrow ("->", "→") becomes; a cue written with "->" analyses to it as well. */
    static final String ARROW = "flowsto";

    private static final StemmerOverrideFilter.StemmerOverrideMap STEM_OVERRIDES = stemOverrides();

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*|\\d+(?:\\.\\d+)?e\\d+");
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("twenty", "20"), Map.entry("fifty", "50"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("million", "1000000"),
            Map.entry("billion", "1000000000"), Map.entry("trillion", "1000000000000"),
            Map.entry("dozen", "12"));
    /** Magnitudes after a number belong to it: "100 M users" is a number of users, a hundred million of them. */
    private static final Map<String, BigDecimal> MAGNITUDES = magnitudes();
    private static final String BYTES_OR_BILLION = "b";
    private static final Set<String> LONG_PERIODS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "yr");
    private static final Set<String> RATE_WORDS = Set.of("a", "per", "each", "every");
    /** Words after "500 B" that say it is a size: "each", "per", an arrow to the next figure. */
    private static final Set<String> BYTES_CONTEXT = Set.of("per", "each", "every", "a", "an", ARROW, "x", "avg",
            "average", "on", "of", "in", "for", "after", "compressed", "raw");

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new NotationCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new KeywordRepeatFilter(stream);
        stream = new StemmerOverrideFilter(stream, STEM_OVERRIDES);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * The tokens of a text: each with its stem, its lower-cased surface form and its offsets in the text.
     * Numbers (digits or number words) are marked, and a magnitude after a number is folded into it.
     */
    List<AnalyzedToken> tokens(String text) {
        List<AnalyzedToken> tokens = new ArrayList<>();
        try (TokenStream stream = tokenStream("note", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String surface = null;
            int start = 0;
            int end = 0;
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0) {
                    surface = term.toString();
                    start = offset.startOffset();
                    end = offset.endOffset();
                    continue;
                }
                add(tokens, surface, term.toString(), start, end);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static void add(List<AnalyzedToken> tokens, String surface, String stem, int start, int end) {
        boolean digits = isWrittenInDigits(surface);
        String numberWord = NUMBER_WORDS.get(surface);
        boolean numberFollows = digits || numberWord != null;
        foldBillionBeforePeriod(tokens, surface);
        if (!numberFollows && !BYTES_CONTEXT.contains(surface)) {
            foldBillionBeforeLast(tokens);
        }
        AnalyzedToken previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean magnitude = MAGNITUDES.containsKey(surface) && !BYTES_OR_BILLION.equals(surface);
        if (previous != null && previous.number() && magnitude) {
            tokens.set(tokens.size() - 1, new AnalyzedToken(scaled(previous.term(), MAGNITUDES.get(surface)),
                    previous.surface(), previous.start(), end, true));
            return;
        }
        if (digits) {
            tokens.add(new AnalyzedToken(surface.replace(",", ""), surface, start, end, true));
        } else if (numberWord != null) {
            tokens.add(new AnalyzedToken(numberWord, surface, start, end, true));
        } else {
            tokens.add(new AnalyzedToken(stem, surface, start, end, false));
        }
    }

    /** A number in digits ("100", "2.5", "12:30"); {@link #NUMBER} starts with a digit, most words fail before it. */
    private static boolean isWrittenInDigits(String surface) {
        return !surface.isEmpty() && surface.charAt(0) >= '0' && surface.charAt(0) <= '9'
                && NUMBER.matcher(surface).matches();
    }

    /**
     * "B" after a number is bytes ("500B each", "~1.4 B/point", "100B -> 10 GB") unless a word follows
     * that names what is counted ("1B clicks", "6B rows"): then it was a billion.
     */
    private static void foldBillionBeforeLast(List<AnalyzedToken> tokens) {
        int last = tokens.size() - 1;
        if (last < 1 || !BYTES_OR_BILLION.equals(tokens.get(last).surface()) || !tokens.get(last - 1).number()) {
            return;
        }
        foldBillion(tokens, last);
    }

    /**
     * "20B a day", "5B per month": a count of things per day or longer, a billion of them; bytes are never
     * counted that way (a few bytes a day).
     */
    private static void foldBillionBeforePeriod(List<AnalyzedToken> tokens, String surface) {
        int rate = tokens.size() - 1;
        if (!LONG_PERIODS.contains(surface) || rate < 2 || !RATE_WORDS.contains(tokens.get(rate).surface())) {
            return;
        }
        AnalyzedToken billion = tokens.get(rate - 1);
        AnalyzedToken number = tokens.get(rate - 2);
        if (!BYTES_OR_BILLION.equals(billion.surface()) || billion.number() || !number.number()) {
            return;
        }
        foldBillion(tokens, rate - 1);
    }

    /** Joins the "B" at {@code billion} to the number before it, as a billion of it. */
    private static void foldBillion(List<AnalyzedToken> tokens, int billion) {
        AnalyzedToken number = tokens.get(billion - 1);
        AnalyzedToken b = tokens.remove(billion);
        tokens.set(billion - 1, new AnalyzedToken(scaled(number.term(), MAGNITUDES.get(BYTES_OR_BILLION)),
                number.surface(), number.start(), b.end(), true));
    }

    /** The number times its magnitude, written out ("2.3" and "k" make "2300"); a time of day stays as it is. */
    private static String scaled(String number, BigDecimal magnitude) {
        try {
            return new BigDecimal(number).multiply(magnitude).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static Map<String, BigDecimal> magnitudes() {
        Map<String, BigDecimal> magnitudes = new HashMap<>();
        for (String word : List.of("hundred", "hundreds")) {
            magnitudes.put(word, BigDecimal.valueOf(100));
        }
        for (String word : List.of("k", "thousand", "thousands")) {
            magnitudes.put(word, BigDecimal.valueOf(1_000));
        }
        for (String word : List.of("m", "mm", "mil", "million", "millions")) {
            magnitudes.put(word, BigDecimal.valueOf(1_000_000));
        }
        for (String word : List.of("b", "bn", "billion", "billions")) {
            magnitudes.put(word, BigDecimal.valueOf(1_000_000_000));
        }
        for (String word : List.of("trillion", "trillions")) {
            magnitudes.put(word, BigDecimal.valueOf(1_000_000_000_000L));
        }
        return Map.copyOf(magnitudes);
    }

    /**
     * Porter conflates words that mean different things here: "available" (any data can be) with
     * "availability" (the requirement), "consists of" with "consistency", "stateful" with "state",
     * "managed" (a service) with "manage", "relational" (a database) with "relation", "persistent" (a
     * connection) with "persist", "responsive" with "responses", "logs" and "logging" (observability) with
     * "log" (a commit log, a write-ahead log), "has" with "HA" (Porter makes both "ha"), "missing" (absent) with
     * a cache "miss". Plurals "users" and "APIs" stay apart from "user" (user id,
     * per user) and "API" (API server) because the plural names the people and the interface.
     */
    private static StemmerOverrideFilter.StemmerOverrideMap stemOverrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        builder.add("available", "available");
        builder.add("stateful", "stateful");
        builder.add("users", "users");
        builder.add("apis", "apis");
        builder.add("managed", "managed");
        builder.add("relational", "relational");
        builder.add("persistent", "persistent");
        builder.add("responsive", "responsive");
        builder.add("logs", "logs");
        builder.add("logging", "logging");
        builder.add("has", "has");
        builder.add("missing", "missing");
        builder.add("missed", "missed");
        for (String form : List.of("consist", "consists", "consisted", "consisting")) {
            builder.add(form, "consists");
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
