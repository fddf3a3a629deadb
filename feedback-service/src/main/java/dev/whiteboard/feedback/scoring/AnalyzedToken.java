package dev.whiteboard.feedback.scoring;

import java.math.BigDecimal;

/**
 * One analysed word: {@code term} is what matching compares (the stem, or the value of a number in digits:
 * "100M" is "100000000"), {@code surface} the lower-cased word as written, offsets point into the analysed
 * text.
 */
record AnalyzedToken(String term, String surface, int start, int end, boolean number) {

    /** A number of at least {@code bound}; a token that is no number, or no plain one ("12:30"), is not. */
    boolean isNumberOfAtLeast(long bound) {
        if (!number) {
            return false;
        }
        try {
            return new BigDecimal(term).compareTo(BigDecimal.valueOf(bound)) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    AnalyzedToken withTerm(String correctedTerm) {
        return new AnalyzedToken(correctedTerm, surface, start, end, number);
    }
}
