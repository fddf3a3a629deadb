package dev.whiteboard.feedback.scoring;

/**
 * One analysed word: {@code term} is what matching compares (the stem, or the digits of a number),
 * {@code surface} the lower-cased word as written, offsets point into the analysed text.
 */
record AnalyzedToken(String term, String surface, int start, int end, boolean number) {

    AnalyzedToken withTerm(String correctedTerm) {
        return new AnalyzedToken(correctedTerm, surface, start, end, number);
    }
}
