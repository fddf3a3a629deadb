package dev.whiteboard.feedback.domain;

import java.util.List;

/** How the candidate used the time: each phase against its budget, and a score 0-100 over the phases. */
public record TimeManagement(Integer score, List<PhaseTime> phases) {

    public enum Verdict { NOT_STARTED, RUNNING, UNDER_BUDGET, WITHIN_BUDGET, OVER_BUDGET }

    /**
     * One phase: the time spent (pauses excluded), its budget, a score 0-100 (null while it runs or when
     * it does not count yet) and a plain sentence for the candidate.
     */
    public record PhaseTime(String phase, String title, long actualSeconds, int minMinutes, int maxMinutes,
                            Verdict verdict, Integer score, String sentence) {
    }
}
