package dev.whiteboard.feedback.domain;

import dev.whiteboard.feedback.scoring.TemplateSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores each phase's time against its budget. Within the budget scores 100; under it, the share of the
 * minimum used (rushing skips questions); over it, the budget's share of the time spent (9 minutes on a
 * 2-minute phase scores 22). Phases the interview never reached score 0 once it has ended; while it runs
 * they do not count yet. The overall score is the mean of the phases that count.
 */
public final class TimeManagementScorer {

    public TimeManagement score(TemplateSpec template, List<PhaseTiming> timings, boolean ended, Instant asOf) {
        Map<String, PhaseTiming> byPhase = timings.stream()
                .collect(Collectors.toMap(PhaseTiming::phase, Function.identity(), (a, b) -> b));
        List<TimeManagement.PhaseTime> phases = new ArrayList<>();
        template.phases().stream()
                .sorted(Comparator.comparingInt(TemplateSpec.PhaseSpec::order))
                .forEach(phase -> phases.add(phaseTime(phase, byPhase.get(phase.key()), ended, asOf)));
        List<Integer> counted = phases.stream().map(TimeManagement.PhaseTime::score)
                .filter(s -> s != null).toList();
        Integer overall = counted.isEmpty() ? null
                : (int) Math.round(counted.stream().mapToInt(Integer::intValue).average().orElse(0));
        return new TimeManagement(overall, phases);
    }

    private TimeManagement.PhaseTime phaseTime(TemplateSpec.PhaseSpec phase, PhaseTiming timing, boolean ended,
                                               Instant asOf) {
        int min = timing != null && timing.minMinutes() != null ? timing.minMinutes() : phase.minMinutes();
        int max = timing != null && timing.maxMinutes() != null ? timing.maxMinutes() : phase.maxMinutes();
        String name = spokenName(phase);
        String budget = budgetText(min, max);
        if (timing == null || timing.startedAt() == null && timing.elapsedSeconds() == null) {
            String sentence = ended ? "you did not reach " + name + "; the budget is " + budget
                    : "you have not started " + name + " yet; the budget is " + budget;
            return new TimeManagement.PhaseTime(phase.key(), phase.title(), 0, min, max,
                    TimeManagement.Verdict.NOT_STARTED, ended ? 0 : null, sentence);
        }
        boolean running = timing.elapsedSeconds() == null;
        long seconds = running
                ? Math.max(0, Duration.between(timing.startedAt(), asOf).getSeconds())
                : timing.elapsedSeconds();
        String sentence = "you spent " + durationText(seconds) + " on " + name + "; the budget is " + budget;
        if (running && !ended) {
            boolean alreadyOver = seconds > max * 60L;
            return new TimeManagement.PhaseTime(phase.key(), phase.title(), seconds, min, max,
                    alreadyOver ? TimeManagement.Verdict.OVER_BUDGET : TimeManagement.Verdict.RUNNING,
                    alreadyOver ? phaseScore(seconds, min, max) : null,
                    "you have spent " + durationText(seconds) + " on " + name + " so far; the budget is " + budget);
        }
        return new TimeManagement.PhaseTime(phase.key(), phase.title(), seconds, min, max,
                verdict(seconds, min, max), phaseScore(seconds, min, max), sentence);
    }

    static TimeManagement.Verdict verdict(long seconds, int minMinutes, int maxMinutes) {
        if (seconds < minMinutes * 60L) {
            return TimeManagement.Verdict.UNDER_BUDGET;
        }
        return seconds > maxMinutes * 60L ? TimeManagement.Verdict.OVER_BUDGET : TimeManagement.Verdict.WITHIN_BUDGET;
    }

    static int phaseScore(long seconds, int minMinutes, int maxMinutes) {
        double minSeconds = minMinutes * 60.0;
        double maxSeconds = maxMinutes * 60.0;
        if (seconds < minSeconds) {
            return (int) Math.round(100.0 * seconds / minSeconds);
        }
        if (seconds > maxSeconds) {
            return (int) Math.round(100.0 * maxSeconds / seconds);
        }
        return 100;
    }

    /** "high-level-design" reads as "high level design", the way a coach would say it. */
    static String spokenName(TemplateSpec.PhaseSpec phase) {
        return phase.key().replace('-', ' ');
    }

    static String budgetText(int min, int max) {
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    static String durationText(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
