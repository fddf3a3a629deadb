package dev.whiteboard.session.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a note may be: notes are written while a session runs or is paused, for a phase that has started,
 * with text within the size limit; a structured estimate belongs only to the capacity phase and uses the
 * estimation-service's input and figure names.
 */
public final class NoteRules {
    public static final String CAPACITY_PHASE = "capacity";

    /** estimation-service's input fields. */
    static final Set<String> NUMERIC_INPUTS = Set.of("dailyActiveUsers", "writesPerUserPerDay", "writes",
            "readsPerWrite", "writeSizeBytes", "readSizeBytes", "retentionYears", "replicationFactor", "peakFactor",
            "cacheFraction", "serverCapacityQps", "shardCapacityBytes");
    static final Map<String, Set<String>> WORD_INPUTS = Map.of(
            "per", Set.of("SECOND", "DAY", "MONTH", "YEAR"),
            "convention", Set.of("ROUNDED_DAY", "EXACT", "ROUNDED_MONTH"));
    /** estimation-service's figure keys. */
    static final Set<String> FIGURES = Set.of("writesPerDay", "readsPerDay", "writeQps", "readQps", "peakWriteQps",
            "peakReadQps", "storagePerDayBytes", "storagePerYearBytes", "storageTotalBytes", "ingressBytesPerSecond",
            "egressBytesPerSecond", "cacheBytes", "servers", "shards");

    /** How much a session takes: characters per note and notes per session. */
    public record Limits(int maxTextChars, int maxNotesPerSession) {
    }

    private NoteRules() {
    }

    /**
     * Checks a note against the session it is added to; returns the estimate with its inputs normalised
     * (numbers as decimals, words upper case), or null when there is none.
     */
    public static Estimate check(SessionState session, int notesSoFar, String phase, String text, Estimate estimate,
                                 Limits limits) {
        if (phase == null || phase.isBlank()) {
            throw RuleViolation.invalid("phase", "is required");
        }
        if (text == null || text.isBlank()) {
            throw RuleViolation.invalid("text", "is required");
        }
        if (text.length() > limits.maxTextChars()) {
            throw new RuleViolation(RuleViolation.Reason.TOO_LARGE,
                    "text: a note has at most " + limits.maxTextChars() + " characters; this one has " + text.length(),
                    List.of(new RuleViolation.FieldProblem("text",
                            "must be at most " + limits.maxTextChars() + " characters")));
        }
        PhaseTiming target = session.phase(phase).orElseThrow(() -> RuleViolation.invalid("phase",
                "'" + phase + "' is not a phase of this session; use one of " + keys(session)));
        if (session.status() != SessionStatus.IN_PROGRESS && session.status() != SessionStatus.PAUSED) {
            throw RuleViolation.conflict("notes are taken while a session runs or is paused; this one is "
                    + session.status());
        }
        if (!target.started()) {
            throw RuleViolation.conflict("phase '" + phase + "' has not started yet");
        }
        if (notesSoFar >= limits.maxNotesPerSession()) {
            throw RuleViolation.conflict("the session already has the most notes it can take ("
                    + limits.maxNotesPerSession() + ")");
        }
        if (estimate == null) {
            return null;
        }
        if (!CAPACITY_PHASE.equals(phase)) {
            throw RuleViolation.invalid("estimate", "an estimate belongs to the '" + CAPACITY_PHASE + "' phase only");
        }
        return new Estimate(inputs(estimate.inputs()), candidate(estimate.candidate()));
    }

    private static Map<String, Object> inputs(Map<String, Object> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw RuleViolation.invalid("estimate.inputs", "give at least one input, as estimation-service names them");
        }
        Map<String, Object> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, Object> input : inputs.entrySet()) {
            String field = "estimate.inputs." + input.getKey();
            Object value = input.getValue();
            if (NUMERIC_INPUTS.contains(input.getKey())) {
                normalised.put(input.getKey(), positive(field, value));
            } else if (WORD_INPUTS.containsKey(input.getKey())) {
                Set<String> words = WORD_INPUTS.get(input.getKey());
                String word = value instanceof String s ? s.toUpperCase(Locale.ROOT) : null;
                if (word == null || !words.contains(word)) {
                    throw RuleViolation.invalid(field, "must be one of " + String.join(", ", sorted(words)));
                }
                normalised.put(input.getKey(), word);
            } else {
                throw RuleViolation.invalid(field, "is not an estimation input; use " + String.join(", ", inputNames()));
            }
        }
        return normalised;
    }

    private static Map<String, BigDecimal> candidate(Map<String, BigDecimal> candidate) {
        if (candidate == null || candidate.isEmpty()) {
            throw RuleViolation.invalid("estimate.candidate", "give at least one figure the candidate arrived at");
        }
        for (Map.Entry<String, BigDecimal> figure : candidate.entrySet()) {
            String field = "estimate.candidate." + figure.getKey();
            if (!FIGURES.contains(figure.getKey())) {
                throw RuleViolation.invalid(field, "is not an estimation figure; use " + String.join(", ", sorted(FIGURES)));
            }
            if (figure.getValue() == null || figure.getValue().signum() < 0) {
                throw RuleViolation.invalid(field, "must be a number, zero or more");
            }
        }
        return new LinkedHashMap<>(candidate);
    }

    private static BigDecimal positive(String field, Object value) {
        BigDecimal number = null;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            number = new BigDecimal(n.toString());
        }
        if (number == null || number.signum() <= 0) {
            throw RuleViolation.invalid(field, "must be a positive number");
        }
        return number;
    }

    private static List<String> inputNames() {
        List<String> names = new ArrayList<>(NUMERIC_INPUTS);
        names.addAll(WORD_INPUTS.keySet());
        return names.stream().sorted().toList();
    }

    private static List<String> sorted(Set<String> words) {
        return words.stream().sorted().toList();
    }

    private static String keys(SessionState session) {
        return String.join(", ", session.phases().stream().map(PhaseTiming::key).toList());
    }
}
