package dev.whiteboard.feedback.scoring;

import java.util.List;

/** How much of a template the notes cover, per phase and overall, with the evidence for each item. */
public record CoverageReport(double overall, int coveredItems, int totalItems, List<PhaseCoverage> phases) {

    /** Coverage of one phase's checklist; {@code coverage} is covered items / items, 0..1. */
    public record PhaseCoverage(String phase, String title, double coverage, List<ItemCoverage> items) {
    }

    /**
     * One checklist item: covered or not, the sentences that show it (with the phase each was written
     * in, which may differ from the item's own phase), and the hint for a candidate who missed it.
     */
    public record ItemCoverage(String itemKey, String prompt, boolean covered, List<Evidence> evidence,
                               String hint) {
    }

    public record Evidence(String phase, String sentence) {
    }
}
