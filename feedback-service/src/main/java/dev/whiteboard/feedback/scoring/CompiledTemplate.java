package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.whiteboard.feedback.scoring.CoverageReport.Evidence;
import dev.whiteboard.feedback.scoring.CoverageReport.ItemCoverage;
import dev.whiteboard.feedback.scoring.CoverageReport.PhaseCoverage;
import dev.whiteboard.feedback.scoring.NoteSegmenter.NoteUnit;
import dev.whiteboard.feedback.scoring.PhraseIndex.Match;
import dev.whiteboard.feedback.scoring.TemplateSpec.ChecklistItemSpec;
import dev.whiteboard.feedback.scoring.TemplateSpec.PhaseSpec;

/**
 * A template made ready for scoring: its cues analysed into one phrase index, with the typo corrector
 * for its vocabulary. Immutable and thread-safe once built.
 */
final class CompiledTemplate {

    private static final int NEUTRAL = -1;
    private static final int MAX_EVIDENCE = 3;
    private static final int MIN_JOINED_WORD = 3;
    private static final String IDENTIFIER_PREFIX = "identifier:";
    private static final String HASH = "hash";

    private record Item(int phase, ChecklistItemSpec spec) {
    }

    private record Reading(List<AnalyzedToken> tokens, List<Match> items) {
    }

    private record Heading(boolean defers, boolean substantive) {
    }

    private final List<PhaseSpec> phases;
    private final List<Item> items = new ArrayList<>();
    private final NoteAnalyzer analyzer;
    private final WordRoles roles;
    private final UnitJudge judge;
    private final HeldTopics held;
    private final PhraseIndex cues;
    private final Set<String> cueTerms = new HashSet<>();
    private final TypoCorrector typos;
    private final NoteSegmenter segmenter = new NoteSegmenter();

    CompiledTemplate(TemplateSpec template, NoteAnalyzer analyzer, WordRoles roles) {
        this.analyzer = analyzer;
        this.roles = roles;
        this.judge = new UnitJudge(roles);
        this.held = new HeldTopics(analyzer, roles);
        this.phases = template.phases() == null ? List.of()
                : template.phases().stream().sorted(Comparator.comparingInt(PhaseSpec::order)).toList();
        this.cues = new PhraseIndex(roles.filler(), roles.cuePlaceholders());
        List<AnalyzedToken> cueWords = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            for (ChecklistItemSpec spec : checklist(phases.get(p))) {
                int index = items.size();
                items.add(new Item(p, spec));
                for (String cue : spec.cues() == null ? List.<String>of() : spec.cues()) {
                    List<AnalyzedToken> tokens = analyzer.tokens(cue);
                    cueWords.addAll(tokens);
                    tokens.forEach(token -> cueTerms.add(token.term()));
                    cues.add(tokens, index);
                    addJoinedVariant(tokens, index);
                }
            }
        }
        for (List<AnalyzedToken> compound : roles.neutralCompounds()) {
            cues.add(compound, NEUTRAL);
        }
        this.typos = new TypoCorrector(cueWords);
    }

    private static List<ChecklistItemSpec> checklist(PhaseSpec phase) {
        return phase.checklist() == null ? List.of() : phase.checklist();
    }

    /** "web socket" also matches "websocket", "load balancer" also "loadbalancer". */
    private void addJoinedVariant(List<AnalyzedToken> tokens, int index) {
        if (tokens.size() < 2 || tokens.size() > 3 || PhraseIndex.hasGap(tokens)) {
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (AnalyzedToken token : tokens) {
            boolean word = !token.number() && token.surface().length() >= MIN_JOINED_WORD
                    && token.surface().chars().allMatch(Character::isLetter)
                    && !NoteAnalyzer.ARROW.equals(token.surface()) && !roles.isFiller(token);
            if (!word) {
                return;
            }
            joined.append(token.surface());
        }
        cues.add(analyzer.tokens(joined.toString()), index);
    }

    CoverageReport score(List<NoteText> notes) {
        boolean[] covered = new boolean[items.size()];
        List<List<Evidence>> evidence = new ArrayList<>(items.size());
        items.forEach(item -> evidence.add(new ArrayList<>(1)));
        Map<String, Heading> headings = new HashMap<>();
        for (NoteUnit unit : segmenter.units(notes)) {
            Reading reading = read(unit.text());
            if (reading.items().isEmpty()) {
                continue;
            }
            Heading heading = unit.heading() == null ? null : headings.computeIfAbsent(unit.heading(), this::heading);
            if (!covers(unit, reading, heading)) {
                continue;
            }
            for (Match match : held.answered(unit.text(), reading.tokens(), reading.items(), unit.answerStart())) {
                covered[match.value()] = true;
                List<Evidence> found = evidence.get(match.value());
                Evidence sentence = new Evidence(unit.phase(), unit.text());
                if (found.size() < MAX_EVIDENCE && !found.contains(sentence)) {
                    found.add(sentence);
                }
            }
        }
        return report(covered, evidence);
    }

    private boolean covers(NoteUnit unit, Reading reading, Heading heading) {
        if (unit.unansweredQuestion() || roles.defers(reading.tokens()) || roles.defersLabel(unit.text())) {
            return false;
        }
        if (heading != null && heading.defers()) {
            return false;
        }
        return judge.hasSubstance(unit.text(), reading.tokens(), reading.items(), unit.answerStart())
                || heading != null && heading.substantive();
    }

    private Heading heading(String text) {
        Reading reading = read(text);
        boolean content = reading.tokens().stream().anyMatch(roles::isContent);
        return new Heading(roles.defers(reading.tokens()), content || !reading.items().isEmpty());
    }

    private Reading read(String text) {
        List<AnalyzedToken> tokens = analyzer.tokens(text);
        int parametersEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            AnalyzedToken token = tokens.get(i);
            boolean identifier = isIdentifier(text, token);
            if (identifier) {
                parametersEnd = text.indexOf(')', token.end());
            }
            if (identifier || token.start() < parametersEnd && !token.number()) {
                tokens.set(i, token.withTerm(IDENTIFIER_PREFIX + token.term()));
            } else if (!token.number() && !cueTerms.contains(token.term()) && !roles.isKnownWord(token)) {
                String corrected = typos.correct(token);
                if (corrected != null) {
                    tokens.set(i, token.withTerm(corrected));
                }
            }
        }
        List<Match> itemMatches = withoutShadowedWords(cues.find(tokens), tokens).stream()
                .filter(match -> match.value() != NEUTRAL).toList();
        return new Reading(tokens, itemMatches);
    }

    /**
     * A word written against an opening parenthesis names a table or a function ("users(id, name)"), and
     * the words in its parentheses name columns or parameters ("acquire(name, ttl)"): they are content,
     * but they name no topic. "hash(host)" is still a hash ("assigned by hash(host)"); its parameters stay
     * parameters.
     */
    private static boolean isIdentifier(String text, AnalyzedToken token) {
        return token.end() < text.length() && text.charAt(token.end()) == '(' && !HASH.equals(token.surface());
    }

    /**
     * Drops a one-word match that lies inside a longer phrase of another item, and any match inside a
     * longer neutral compound: "consistent" inside "consistent hashing" is not a consistency decision,
     * "api" inside "api key" is not an API design, "per day" inside "17 TB per day" counts no events.
     * An arrow is not a word here: "-> kafka" does not hide "kafka"; nor do the words a phrase's gap spans.
     */
    private static List<Match> withoutShadowedWords(List<Match> matches, List<AnalyzedToken> tokens) {
        // Matches by their first token, so that each match is compared only with those that can enclose it
        // (a line of arrows holds thousands of matches, and comparing each with all of them took seconds).
        List<List<Match>> byFirst = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            byFirst.add(null);
        }
        int longest = 0;
        for (Match match : matches) {
            List<Match> starting = byFirst.get(match.first());
            if (starting == null) {
                starting = new ArrayList<>(2);
                byFirst.set(match.first(), starting);
            }
            starting.add(match);
            longest = Math.max(longest, match.length());
        }
        Set<Match> kept = new LinkedHashSet<>();
        for (Match match : matches) {
            if (!shadowed(match, byFirst, longest, tokens)) {
                kept.add(match);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean shadowed(Match match, List<List<Match>> byFirst, int longest, List<AnalyzedToken> tokens) {
        for (int first = match.first(); first >= 0 && first > match.last() - longest; first--) {
            List<Match> starting = byFirst.get(first);
            if (starting == null) {
                continue;
            }
            for (Match other : starting) {
                boolean encloses = other.value() != match.value() && !other.gapped() && other.last() >= match.last()
                        && (other.value() == NEUTRAL ? other.length() > match.length()
                        : match.length() == 1 && words(other, tokens) > 1);
                if (encloses) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int words(Match match, List<AnalyzedToken> tokens) {
        int words = 0;
        for (int i = match.first(); i <= match.last(); i++) {
            words += NoteAnalyzer.ARROW.equals(tokens.get(i).term()) ? 0 : 1;
        }
        return words;
    }

    private CoverageReport report(boolean[] covered, List<List<Evidence>> evidence) {
        List<PhaseCoverage> phaseReports = new ArrayList<>(phases.size());
        int coveredTotal = 0;
        for (int p = 0; p < phases.size(); p++) {
            List<ItemCoverage> itemReports = new ArrayList<>();
            int coveredInPhase = 0;
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                if (item.phase() != p) {
                    continue;
                }
                ChecklistItemSpec spec = item.spec();
                itemReports.add(new ItemCoverage(spec.key(), spec.prompt(), covered[i], List.copyOf(evidence.get(i)),
                        spec.hint()));
                coveredInPhase += covered[i] ? 1 : 0;
            }
            coveredTotal += coveredInPhase;
            PhaseSpec phase = phases.get(p);
            phaseReports.add(new PhaseCoverage(phase.key(), phase.title(), ratio(coveredInPhase, itemReports.size()),
                    List.copyOf(itemReports)));
        }
        return new CoverageReport(ratio(coveredTotal, items.size()), coveredTotal, items.size(),
                List.copyOf(phaseReports));
    }

    /** Covered over total; a phase without items has nothing covered, so 0. */
    private static double ratio(int covered, int total) {
        return total == 0 ? 0.0 : (double) covered / total;
    }
}
