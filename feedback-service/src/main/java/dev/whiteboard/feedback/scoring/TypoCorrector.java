package dev.whiteboard.feedback.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a misspelt long word as the cue word it is one edit away from ("replciation", "consistant",
 * "partiton"): one insertion, deletion, substitution or swap of neighbours, same first letter. Only
 * words of {@value #MIN_LENGTH} letters or more are corrected: shorter real words sit one edit from
 * cue words too often ("sharing" and "sharding"). Lookups use the deletions of both words, so a
 * correction costs a few hash lookups instead of a scan of the vocabulary.
 */
final class TypoCorrector {

    private static final int MIN_LENGTH = 8;

    /** Cue word as written -> its stem. */
    private final Map<String, String> stems = new HashMap<>();
    /** A cue word, or the word with one letter deleted -> the cue words it came from. */
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    TypoCorrector(Iterable<AnalyzedToken> cueWords) {
        for (AnalyzedToken word : cueWords) {
            String surface = word.surface();
            if (word.number() || surface.length() < MIN_LENGTH - 1 || !isLetters(surface)
                    || stems.putIfAbsent(surface, word.term()) != null) {
                continue;
            }
            for (String key : withDeletions(surface)) {
                byDeletion.computeIfAbsent(key, k -> new ArrayList<>(1)).add(surface);
            }
        }
    }

    /** The stem of the cue word that {@code token} misspells, or null when it misspells none or several. */
    String correct(AnalyzedToken token) {
        String surface = token.surface();
        if (token.number() || surface.length() < MIN_LENGTH || !isLetters(surface)) {
            return null;
        }
        Set<String> corrected = new HashSet<>(2);
        for (String key : withDeletions(surface)) {
            for (String candidate : byDeletion.getOrDefault(key, List.of())) {
                if (candidate.charAt(0) == surface.charAt(0) && withinOneEdit(surface, candidate)) {
                    corrected.add(stems.get(candidate));
                }
            }
        }
        return corrected.size() == 1 ? corrected.iterator().next() : null;
    }

    private static List<String> withDeletions(String word) {
        List<String> keys = new ArrayList<>(word.length() + 1);
        keys.add(word);
        for (int i = 0; i < word.length(); i++) {
            keys.add(word.substring(0, i) + word.substring(i + 1));
        }
        return keys;
    }

    /** Optimal string alignment distance of at most one (neighbour swaps count as one edit). */
    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int lengthDifference = a.length() - b.length();
        if (Math.abs(lengthDifference) > 1) {
            return false;
        }
        int prefix = 0;
        int shorter = Math.min(a.length(), b.length());
        while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (lengthDifference > 0) {
            return a.substring(prefix + 1).equals(b.substring(prefix));
        }
        if (lengthDifference < 0) {
            return a.substring(prefix).equals(b.substring(prefix + 1));
        }
        if (a.substring(prefix + 1).equals(b.substring(prefix + 1))) {
            return true;
        }
        return prefix + 1 < a.length()
                && a.charAt(prefix) == b.charAt(prefix + 1) && a.charAt(prefix + 1) == b.charAt(prefix)
                && a.substring(prefix + 2).equals(b.substring(prefix + 2));
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
