package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.whiteboard.feedback.scoring.PhraseIndex.Match;

/**
 * Decides whether a unit that names topics says something about them: a number, a word beyond the
 * topic names and talk about the interview, two topics put in relation ("LRU eviction",
 * "Eviction: LRU"), a topic named with its verdict ("very write heavy"), a cue whose gap relates words
 * across others ("a bit behind is fine"), or a topic named as the answer to a question ("Push? Email
 * confirmation only"). A list of topic names ("sharding, caching, CDN, LB",
 * "we should think about caching, sharding and replication") says nothing, whatever words sit in it.
 */
final class UnitJudge {

    private static final int MAX_HEAD_TOKENS = 4;
    private static final int MAX_LIST_SEGMENT_TOKENS = 3;
    private static final String LIST_SEPARATORS = ",;/|";
    /** Single words count as list entries only in a list this long: "redis, LRU" may well be a decision. */
    private static final int MIN_LIST_SEGMENTS_OF_WORDS = 3;
    /** ... and only beside topic names: "post, comment, like" lists the actions of a system. */
    private static final int MIN_NAMES_AMONG_WORDS = 2;

    private final WordRoles roles;

    UnitJudge(WordRoles roles) {
        this.roles = roles;
    }

    /**
     * @param items       the topic cues found in the unit (their words are names, not content)
     * @param answerStart where the answer begins when the unit is a question with its answer, else 0:
     *                    only the answer can say something ("Consistent hashing to pick a node? meh")
     */
    boolean hasSubstance(String text, List<AnalyzedToken> tokens, List<Match> items, int answerStart) {
        int answerFrom = 0;
        while (answerFrom < tokens.size() && tokens.get(answerFrom).start() < answerStart) {
            answerFrom++;
        }
        for (int i = answerFrom; i < tokens.size(); i++) {
            if (tokens.get(i).number()) {
                return true;
            }
        }
        if (isTableHeader(text, tokens)) {
            return false;
        }
        if (answerFrom > 0 && namesTopicFrom(items, answerFrom) || statesInAnswer(items, answerFrom)) {
            return true;
        }
        int headEnd = answerStart > 0 ? answerFrom : headLength(text, tokens);
        boolean talkLabel = answerStart == 0 && headEnd > 0
                && tokens.subList(0, headEnd).stream().noneMatch(token -> token.number() || roles.isContent(token));
        int listFrom = afterLeadIn(tokens, headEnd, items);
        boolean topicList = isTopicList(text, tokens, listFrom, items)
                || talkLabel && isRequirementList(text, tokens, listFrom, items);
        for (int i = answerFrom; i < tokens.size(); i++) {
            if ((i < headEnd || !topicList) && !inAny(items, i) && roles.isContent(tokens.get(i))) {
                return true;
            }
        }
        if (!topicList && namesVerdict(tokens, items, answerFrom)) {
            return true;
        }
        return relatesTopics(text, tokens, items, answerFrom);
    }

    /**
     * A table row without a number names columns ("| metric | value |", "| component | choice |"): each cell
     * one or two words, nothing said yet.
     */
    private static boolean isTableHeader(String text, List<AnalyzedToken> tokens) {
        String row = text.strip();
        if (!row.startsWith("|") || tokens.stream().anyMatch(AnalyzedToken::number)) {
            return false;
        }
        for (String cell : row.split("\\|")) {
            if (cell.isBlank()) {
                continue;
            }
            if (cell.strip().split("\\s+").length > 2) {
                return false;
            }
        }
        return true;
    }

    /** A phrase with a gap relates words across others ("behind ... is fine"): a statement, not a name. */
    private static boolean statesInAnswer(List<Match> items, int answerFrom) {
        return items.stream().anyMatch(item -> item.gapped() && item.first() >= answerFrom);
    }

    /** A topic named by its verdict is answered ("very write heavy", "mostly reads", "immutable"). */
    private boolean namesVerdict(List<AnalyzedToken> tokens, List<Match> items, int answerFrom) {
        for (Match item : items) {
            for (int i = Math.max(item.first(), answerFrom); i <= item.last(); i++) {
                if (roles.isVerdict(tokens.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Number of tokens before a "label:" at the start of the unit ("Cache: Redis, LRU"), else 0. */
    private static int headLength(String text, List<AnalyzedToken> tokens) {
        for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
            boolean labelColon = colon + 1 == text.length() || Character.isWhitespace(text.charAt(colon + 1));
            if (!labelColon) {
                continue;
            }
            int before = 0;
            while (before < tokens.size() && tokens.get(before).end() <= colon) {
                before++;
            }
            return before <= MAX_HEAD_TOKENS ? before : 0;
        }
        return 0;
    }

    /**
     * Skips words that only lead into a list ("we should think about caching, sharding and replication",
     * "things I'd also look at: ..."): neither content nor a topic name.
     */
    private int afterLeadIn(List<AnalyzedToken> tokens, int from, List<Match> items) {
        int i = from;
        while (i < tokens.size() && !inAny(items, i) && !tokens.get(i).number() && !roles.isContent(tokens.get(i))) {
            i++;
        }
        return i;
    }

    /**
     * Short comma-separated segments, most of them nothing but a topic name or a single word ("sharding,
     * caching, CDN, LB", "users, scale, latency, consistency").
     */
    private boolean isTopicList(String text, List<AnalyzedToken> tokens, int from, List<Match> items) {
        List<List<Integer>> segments = segments(text, tokens, from);
        if (segments.size() < 2 || segments.stream().anyMatch(s -> s.size() > MAX_LIST_SEGMENT_TOKENS)) {
            return false;
        }
        long bareNames = segments.stream().filter(s -> isBareName(s, tokens, items)).count();
        if (bareNames * 2 > segments.size()) {
            return true;
        }
        long singleWords = segments.stream().filter(s -> !isBareName(s, tokens, items) && isSingleWord(s, tokens))
                .count();
        return segments.size() >= MIN_LIST_SEGMENTS_OF_WORDS && bareNames >= MIN_NAMES_AMONG_WORDS
                && (bareNames + singleWords) * 2 > segments.size();
    }

    /**
     * Under a label that names no topic ("NFR:", "components:"), short entries that are topic names, one or
     * two words or vague praise list requirements or parts without saying anything about them ("NFR:
     * available, scalable", "components: LB, app servers, DB, cache").
     */
    private boolean isRequirementList(String text, List<AnalyzedToken> tokens, int from, List<Match> items) {
        List<List<Integer>> segments = segments(text, tokens, from);
        if (segments.size() < 2 || segments.stream().anyMatch(s -> s.size() > MAX_LIST_SEGMENT_TOKENS)) {
            return false;
        }
        boolean named = false;
        for (List<Integer> segment : segments) {
            boolean bare = isBareName(segment, tokens, items);
            long words = segment.stream().filter(i -> !inAny(items, i) && roles.isContent(tokens.get(i))).count();
            if (!bare && (words > 2 || segment.stream().anyMatch(i -> tokens.get(i).number()))) {
                return false;
            }
            named |= bare || segment.stream().anyMatch(i -> inAny(items, i));
        }
        return named;
    }

    /** The entries of a list from {@code from} on: split at commas and the like, and at conjunctions. */
    private List<List<Integer>> segments(String text, List<AnalyzedToken> tokens, int from) {
        List<List<Integer>> segments = new ArrayList<>();
        List<Integer> segment = new ArrayList<>();
        for (int i = from; i < tokens.size(); i++) {
            boolean boundary = i > from
                    && (separated(text, tokens.get(i - 1), tokens.get(i)) || isConjunction(tokens.get(i)));
            if (boundary && !segment.isEmpty()) {
                segments.add(segment);
                segment = new ArrayList<>();
            }
            if (!isConjunction(tokens.get(i))) {
                segment.add(i);
            }
        }
        if (!segment.isEmpty()) {
            segments.add(segment);
        }
        return segments;
    }

    private boolean isSingleWord(List<Integer> segment, List<AnalyzedToken> tokens) {
        return segment.stream().filter(i -> roles.isContent(tokens.get(i))).count() == 1
                && segment.stream().noneMatch(i -> tokens.get(i).number());
    }

    private boolean isBareName(List<Integer> segment, List<AnalyzedToken> tokens, List<Match> items) {
        boolean named = false;
        for (int i : segment) {
            boolean inName = inAny(items, i);
            if (!inName && roles.isContent(tokens.get(i))) {
                return false;
            }
            named |= inName;
        }
        return named;
    }

    /**
     * Two topic cues next to each other, or across a label colon, not split by a list separator; the
     * second one in the answer, if there is a question.
     */
    private static boolean relatesTopics(String text, List<AnalyzedToken> tokens, List<Match> items,
                                         int answerFrom) {
        List<Match> ordered = items.stream().sorted(Comparator.comparingInt(Match::first)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            Match left = ordered.get(i - 1);
            Match right = ordered.get(i);
            if (right.first() <= left.last() || right.first() < answerFrom) {
                continue;
            }
            boolean listed = false;
            for (int t = left.last(); t < right.first() && !listed; t++) {
                listed = separated(text, tokens.get(t), tokens.get(t + 1)) || isConjunction(tokens.get(t + 1));
            }
            if (!listed) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesTopicFrom(List<Match> items, int position) {
        for (Match item : items) {
            if (item.first() >= position) {
                return true;
            }
        }
        return false;
    }

    private static boolean separated(String text, AnalyzedToken left, AnalyzedToken right) {
        for (int c = left.end(); c < right.start() && c < text.length(); c++) {
            if (LIST_SEPARATORS.indexOf(text.charAt(c)) >= 0 && !isWithSlash(text, c) || isSpacedPlus(text, c)) {
                return true;
            }
        }
        return false;
    }

    /** A plus between spaces joins entries like a comma ("NFR: scalable + low latency"). */
    private static boolean isSpacedPlus(String text, int c) {
        return text.charAt(c) == '+' && c > 0 && c + 1 < text.length() && Character.isWhitespace(text.charAt(c - 1))
                && Character.isWhitespace(text.charAt(c + 1));
    }

    /** The slash of "w/" ("redis w/ LRU") abbreviates "with"; it separates nothing. */
    private static boolean isWithSlash(String text, int slash) {
        return text.charAt(slash) == '/' && slash > 0 && Character.toLowerCase(text.charAt(slash - 1)) == 'w'
                && (slash == 1 || !Character.isLetterOrDigit(text.charAt(slash - 2)));
    }

    private static boolean isConjunction(AnalyzedToken token) {
        return "and".equals(token.surface()) || "or".equals(token.surface());
    }

    private static boolean inAny(List<Match> matches, int position) {
        for (Match match : matches) {
            if (match.contains(position)) {
                return true;
            }
        }
        return false;
    }
}
