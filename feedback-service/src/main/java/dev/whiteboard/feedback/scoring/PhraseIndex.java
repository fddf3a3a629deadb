package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds multi-word phrases in a token sequence by walking a trie of analysed phrases. A phrase word that
 * names a {@link WordClass} stands for any word of that class ("n users" matches "100M users"); other
 * words and numbers match themselves. Filler words of the text (articles, prepositions:
 * {@code skippable}) and numbers may sit between the words of a phrase ("writes ~12/s" matches "writes
 * per s"), at most {@value #MAX_SKIPPED} in a row. A phrase word {@value #GAP} stands for up to
 * {@value #MAX_GAP} words of any kind: "behind gap fine" matches "can be a bit behind, which is fine"; such a
 * phrase relates two words into a statement rather than naming a topic ({@link Match#gapped()}).
 */
final class PhraseIndex {

    /** Words of a kind, written in a phrase as a placeholder. */
    @FunctionalInterface
    interface WordClass {
        boolean includes(List<AnalyzedToken> tokens, int position);
    }

    /** "n": any number. */
    static final String ANY_NUMBER = "n";
    /** "n10k": a number of ten thousand or more ("20M", "50 thousand"). */
    static final String LARGE_NUMBER = "n10k";
    /** "gap": any words, up to {@value #MAX_GAP} of them. */
    static final String GAP = "gap";
    private static final int MAX_GAP = 6;
    static final int MAX_GAPS_PER_PHRASE = 3;
    /**
     * Longer phrases are left out: the default template's longest cue has 11 words, session-service accepts no
     * cue of more than 16, and the work of a walk grows with the phrase's length times the words a filler or a
     * gap lets it skip.
     */
    static final int MAX_PHRASE_TOKENS = 16;
    private static final long LARGE = 10_000;
    private static final int MAX_SKIPPED = 2;
    private static final int MIN_WORDS_FOR_OPTIONAL_FILLER = 4;

    /**
     * A phrase found at tokens {@code first..last} (inclusive); {@code value} says whose phrase it is, and
     * {@code gapped} that a {@value #GAP} of the phrase spanned words of the text that are not the phrase's.
     */
    record Match(int value, int first, int last, boolean gapped) {

        int length() {
            return last - first + 1;
        }

        boolean contains(int position) {
            return position >= first && position <= last;
        }
    }

    private final Node root = new Node();
    private final Set<String> skippable;
    /** The word classes, and their indexes by the word that stands for them in a phrase. */
    private final List<WordClass> wordClasses = new ArrayList<>();
    private final Map<String, Integer> wordClassIndexes = new HashMap<>();

    /** @param wordClasses placeholders beyond the numbers, by the word that stands for them in a phrase */
    PhraseIndex(Set<String> skippable, Map<String, WordClass> wordClasses) {
        this.skippable = skippable;
        addWordClass(ANY_NUMBER, (tokens, position) -> tokens.get(position).number());
        addWordClass(LARGE_NUMBER, (tokens, position) -> tokens.get(position).isNumberOfAtLeast(LARGE));
        wordClasses.forEach(this::addWordClass);
    }

    private void addWordClass(String placeholder, WordClass wordClass) {
        wordClassIndexes.put(placeholder, wordClasses.size());
        wordClasses.add(wordClass);
    }

    /**
     * Adds a phrase. Filler words inside a phrase of {@value #MIN_WORDS_FOR_OPTIONAL_FILLER} words or more
     * are optional ("memory for the cache" also matches "memory for cache"); in shorter phrases and at
     * the edges, and in phrases with a gap, they are required, so "writes to" never matches "writes" and
     * "reads to writes" never matches "reads and writes".
     */
    void add(List<AnalyzedToken> phrase, int value) {
        if (phrase.isEmpty() || phrase.size() > MAX_PHRASE_TOKENS) {
            return;
        }
        insert(phrase, value);
        if (phrase.size() < MIN_WORDS_FOR_OPTIONAL_FILLER || hasGap(phrase)) {
            return;
        }
        List<AnalyzedToken> withoutInnerFiller = new ArrayList<>();
        for (int i = 0; i < phrase.size(); i++) {
            boolean inner = i > 0 && i < phrase.size() - 1;
            if (!(inner && skippable.contains(phrase.get(i).term()))) {
                withoutInnerFiller.add(phrase.get(i));
            }
        }
        boolean keepsAWord = withoutInnerFiller.stream().anyMatch(token -> !token.number());
        if (withoutInnerFiller.size() < phrase.size() && keepsAWord) {
            insert(withoutInnerFiller, value);
        }
    }

    private void insert(List<AnalyzedToken> phrase, int value) {
        Node node = root;
        int gaps = 0;
        boolean afterGap = false;
        for (AnalyzedToken token : phrase) {
            Integer wordClass = token.number() ? null : wordClassIndexes.get(token.surface());
            if (GAP.equals(token.surface())) {
                // A gap right after a gap adds nothing a gap does not already span, and more gaps than the default
                // template ever uses would only make a platform's cue slow to look for.
                if (!afterGap && gaps < MAX_GAPS_PER_PHRASE) {
                    node = node.gap();
                    gaps++;
                }
                afterGap = true;
            } else {
                afterGap = false;
                node = wordClass != null ? node.placeholder(token.surface(), wordClass) : node.child(token.term());
            }
        }
        node.addValue(value);
    }

    /** Whether a phrase holds a {@value #GAP}. */
    static boolean hasGap(List<AnalyzedToken> phrase) {
        return phrase.stream().anyMatch(token -> GAP.equals(token.surface()));
    }

    List<Match> find(List<AnalyzedToken> tokens) {
        Search search = new Search(tokens);
        for (int start = 0; start < tokens.size(); start++) {
            search.walked.clear();
            search.walk(root, start, start, 0, false);
        }
        return search.matches;
    }

    boolean occursIn(List<AnalyzedToken> tokens) {
        return !find(tokens).isEmpty();
    }

    /**
     * One {@link #find}: the trie walked from each start position, with the matches found so far. Walks from
     * different starts and along different phrases ask whether the same token is of the same word class again and
     * again; each answer is kept.
     */
    private final class Search {
        private static final byte UNKNOWN = 0;
        private static final byte INCLUDED = 1;
        private static final byte EXCLUDED = 2;

        private final List<AnalyzedToken> tokens;
        private final List<Match> matches = new ArrayList<>();
        /** Per token, per word class: whether the token is of the class, once asked. */
        private final byte[] membership;
        /**
         * The states walked from the current start (trie node, position, fillers skipped in a row, words spanned
         * by a gap): a walk from a state finds the same matches whichever way it came there, so each is walked
         * once. Without this, a phrase of many fillers or gaps ("the the the ... x", which a platform's own
         * template may hold) made the walk try every way of skipping or spanning words, exponentially many.
         */
        private final StateSet walked = new StateSet();

        Search(List<AnalyzedToken> tokens) {
            this.tokens = tokens;
            this.membership = new byte[tokens.size() * wordClasses.size()];
        }

        void walk(Node node, int start, int position, int skipped, boolean gapped) {
            long state = (long) node.id << 32 | (long) position << 3 | (long) skipped << 1 | (gapped ? 1 : 0);
            if (position >= tokens.size() || !walked.add(state)) {
                return;
            }
            if (node.gap != null) {
                for (int next = position; next <= position + MAX_GAP && next < tokens.size(); next++) {
                    walk(node.gap, start, next, 0, gapped || next > position);
                }
            }
            AnalyzedToken token = tokens.get(position);
            Node literal = node.children == null ? null : node.children.get(token.term());
            if (literal != null) {
                consume(literal, start, position, gapped);
            }
            for (Placeholder placeholder : node.placeholderList) {
                if (includes(placeholder.wordClass(), position)) {
                    consume(placeholder.node(), start, position, gapped);
                }
            }
            if (position > start && skipped < MAX_SKIPPED && (token.number() || skippable.contains(token.term()))) {
                walk(node, start, position + 1, skipped + 1, gapped);
            }
        }

        private void consume(Node node, int start, int position, boolean gapped) {
            for (int value : node.values) {
                matches.add(new Match(value, start, position, gapped));
            }
            walk(node, start, position + 1, 0, gapped);
        }

        private boolean includes(int wordClass, int position) {
            int known = position * wordClasses.size() + wordClass;
            if (membership[known] == UNKNOWN) {
                membership[known] = wordClasses.get(wordClass).includes(tokens, position) ? INCLUDED : EXCLUDED;
            }
            return membership[known] == INCLUDED;
        }
    }

    private record Placeholder(int wordClass, Node node) {
    }

    /** A set of longs by open addressing, emptied in constant time (by generation) for each start of a walk. */
    private static final class StateSet {
        private long[] keys = new long[64];
        private int[] generations = new int[64];
        private int generation = 1;
        private int size;

        void clear() {
            generation++;
            size = 0;
        }

        boolean add(long key) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
                if (generations[slot] != generation) {
                    generations[slot] = generation;
                    keys[slot] = key;
                    size++;
                    return true;
                }
                if (keys[slot] == key) {
                    return false;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldGenerations = generations;
            keys = new long[oldKeys.length * 2];
            generations = new int[oldKeys.length * 2];
            int current = generation;
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldGenerations[i] == current) {
                    add(oldKeys[i]);
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32);
        }
    }

    private static final class Node {
        private static final int[] NONE = new int[0];
        private static final Placeholder[] NO_PLACEHOLDERS = new Placeholder[0];
        private static final AtomicInteger IDS = new AtomicInteger();

        private final int id = IDS.incrementAndGet();

        private Map<String, Node> children;
        private Map<String, Placeholder> placeholders;
        /** The values of {@code placeholders} in the map's order: matches come in the order they always have. */
        private Placeholder[] placeholderList = NO_PLACEHOLDERS;
        private Node gap;
        private int[] values = NONE;

        Node gap() {
            if (gap == null) {
                gap = new Node();
            }
            return gap;
        }

        Node child(String term) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.computeIfAbsent(term, t -> new Node());
        }

        Node placeholder(String word, int wordClass) {
            if (placeholders == null) {
                placeholders = new HashMap<>(2);
            }
            Placeholder placeholder = placeholders.get(word);
            if (placeholder == null) {
                placeholder = new Placeholder(wordClass, new Node());
                placeholders.put(word, placeholder);
                placeholderList = placeholders.values().toArray(NO_PLACEHOLDERS);
            }
            return placeholder.node();
        }

        void addValue(int value) {
            for (int existing : values) {
                if (existing == value) {
                    return;
                }
            }
            int[] grown = Arrays.copyOf(values, values.length + 1);
            grown[values.length] = value;
            values = grown;
        }
    }
}
