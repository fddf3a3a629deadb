package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.whiteboard.feedback.scoring.PhraseIndex.Match;

/**
 * Topics a unit names without answering them, even when the unit says something about other topics:
 * a topic asked with "?" whose answer is about another topic or is itself put off ("sharding? CDN
 * later", "SQL or NoSQL? ask interviewer"), and a topic put off, hedged or only intended in its own
 * clause ("CDN later for the form JS", "cache for dashboards maybe", "a CDN at some point", "need QPS
 * calc"). A clause is the stretch between commas, semicolons, question marks and parentheses; a number
 * in it is substance that no hedge takes back ("maybe 5-10x/day").
 */
final class HeldTopics {

    private static final String CLAUSE_SEPARATORS = ",;?!()";
    private static final List<String> HEDGES = List.of(
            "maybe", "perhaps", "at some point", "someday", "some day", "down the road",
            "in the future", "tbd", "todo", "to do", "ask interviewer", "ask the interviewer", "check with interviewer",
            "need gap calc", "need gap calculation", "need gap calculations", "need gap numbers", "need gap estimate",
            "need gap estimates", "need gap math", "to calculate", "to be calculated", "will estimate",
            "estimate after");
    /**
     * "could add monitoring eventually", "CDN eventually": put off; "eventually consistent" is a model and "must be
     * exact eventually" a requirement.
     */
    private static final String EVENTUALLY = "eventually";

    private final PhraseIndex hedges;
    private final WordRoles roles;
    private final String later;
    private final String whatever;
    private final String consistent;

    HeldTopics(NoteAnalyzer analyzer, WordRoles roles) {
        this.roles = roles;
        this.hedges = new PhraseIndex(roles.filler(), Map.of());
        for (String hedge : HEDGES) {
            hedges.add(analyzer.tokens(hedge), 0);
        }
        this.later = analyzer.tokens("later").get(0).term();
        this.consistent = analyzer.tokens("consistent").get(0).term();
        this.whatever = analyzer.tokens("whatever").get(0).term();
    }

    /** The topics of a unit that it answers: {@code items} without the asked, put-off and hedged ones. */
    List<Match> answered(String text, List<AnalyzedToken> tokens, List<Match> items, int answerStart) {
        if (!tokens.isEmpty() && whatever.equals(tokens.get(tokens.size() - 1).term())) {
            return List.of();
        }
        int answerFrom = 0;
        while (answerStart > 0 && answerFrom < tokens.size() && tokens.get(answerFrom).start() < answerStart) {
            answerFrom++;
        }
        boolean answerHedged = answerFrom > 0 && hedged(tokens, answerFrom, tokens.size());
        Clauses clauses = new Clauses(text, tokens, answerFrom);
        Set<Integer> answerTopics = new HashSet<>();
        boolean answerNamesTopics = false;
        for (Match item : items) {
            if (answerFrom > 0 && item.first() >= answerFrom) {
                answerNamesTopics = true;
                if (!heldBack(tokens, item, clauses)) {
                    answerTopics.add(item.value());
                }
            }
        }
        List<Match> kept = new ArrayList<>();
        for (Match item : items) {
            boolean asked = answerFrom > 0 && item.last() < answerFrom
                    && !numberIn(tokens, answerFrom, tokens.size())
                    && (answerHedged || answerNamesTopics && answerTopics.isEmpty());
            if (!asked && !heldBack(tokens, item, clauses)) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** Put off or hedged in its clause: "CDN later", "maybe a CDN", "need QPS calc". */
    private boolean heldBack(List<AnalyzedToken> tokens, Match item, Clauses clauses) {
        int from = clauses.start(item.first());
        int to = clauses.end(item.last());
        if (clauses.hasNumber(from, to)) {
            return false;
        }
        int next = item.last() + 1;
        while (next < to && roles.isFiller(tokens.get(next))) {
            next++;
        }
        return next < to && later.equals(tokens.get(next).term()) && !namesAction(tokens.get(item.last()))
                || clauses.hedged(from, to);
    }

    /**
     * The clauses of one unit, found once: where the clause of each token starts and ends, and whether a
     * clause holds a number or a hedge, asked once per clause however many topics it names (a line of
     * thousands of arrows names thousands).
     */
    private final class Clauses {
        private final List<AnalyzedToken> tokens;
        private final int[] starts;
        private final int[] ends;
        private final Map<Long, Boolean> numbers = new HashMap<>();
        private final Map<Long, Boolean> hedges = new HashMap<>();

        Clauses(String text, List<AnalyzedToken> tokens, int answerFrom) {
            this.tokens = tokens;
            int size = tokens.size();
            starts = new int[size];
            ends = new int[size];
            for (int i = 0; i < size; i++) {
                boolean boundary = i == 0 || i == answerFrom || separated(text, tokens.get(i - 1), tokens.get(i));
                starts[i] = boundary ? i : starts[i - 1];
            }
            for (int i = size - 1; i >= 0; i--) {
                boolean boundary = i == size - 1 || i + 1 == answerFrom
                        || separated(text, tokens.get(i), tokens.get(i + 1));
                ends[i] = boundary ? i + 1 : ends[i + 1];
            }
        }

        int start(int position) {
            return starts[position];
        }

        int end(int position) {
            return ends[position];
        }

        boolean hasNumber(int from, int to) {
            return numbers.computeIfAbsent(key(from, to), k -> numberIn(tokens, from, to));
        }

        boolean hedged(int from, int to) {
            return hedges.computeIfAbsent(key(from, to), k -> HeldTopics.this.hedged(tokens, from, to));
        }

        private static long key(int from, int to) {
            return (long) from << 32 | to;
        }
    }

    /** "reconciled later", "retry later", "sending later": something done later is a mechanism, not put off. */
    private static boolean namesAction(AnalyzedToken token) {
        String word = token.surface();
        return word.endsWith("ed") || word.endsWith("ing") || word.startsWith("retr");
    }

    private static boolean numberIn(List<AnalyzedToken> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).number()) {
                return true;
            }
        }
        return false;
    }

    private boolean hedged(List<AnalyzedToken> tokens, int from, int to) {
        boolean required = tokens.subList(from, to).stream().anyMatch(token -> "must".equals(token.surface()));
        for (int i = from; i < to && !required; i++) {
            boolean model = i + 1 < tokens.size() && consistent.equals(tokens.get(i + 1).term());
            if (EVENTUALLY.equals(tokens.get(i).surface()) && !model) {
                return true;
            }
        }
        return hedges.occursIn(tokens.subList(from, to));
    }

    private static boolean separated(String text, AnalyzedToken left, AnalyzedToken right) {
        for (int c = left.end(); c < right.start() && c < text.length(); c++) {
            if (CLAUSE_SEPARATORS.indexOf(text.charAt(c)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
