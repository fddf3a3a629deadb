package dev.whiteboard.feedback.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums up a candidate's reports, oldest first. */
public final class ProgressCalculator {
    static final int MOST_MISSED = 10;

    /** One report and when its interview was first seen. */
    public record Entry(FeedbackReport report, Instant startedAt) {
    }

    public CandidateProgress progress(String candidateRef, List<Entry> entries) {
        List<Entry> ordered = entries.stream().sorted(Comparator.comparing(Entry::startedAt)).toList();
        List<CandidateProgress.SessionScore> history = new ArrayList<>();
        List<Integer> finishedScores = new ArrayList<>();
        Map<String, MissCount> misses = new LinkedHashMap<>();
        int finished = 0;
        for (Entry entry : ordered) {
            FeedbackReport report = entry.report();
            FeedbackReport.Parts parts = report.scoring() == null ? null : report.scoring().parts();
            history.add(new CandidateProgress.SessionScore(report.sessionId(), report.status(), report.overallScore(),
                    parts == null ? null : parts.coverage(), parts == null ? null : parts.timeManagement(),
                    parts == null ? null : parts.estimation(), entry.startedAt(), report.finalizedAt()));
            if (report.status() != ReportStatus.FINAL) {
                continue;
            }
            finished++;
            if (report.overallScore() != null) {
                finishedScores.add(report.overallScore());
            }
            for (FeedbackReport.MissedItem item : report.missed()) {
                misses.computeIfAbsent(item.itemKey(), k -> new MissCount(item)).count++;
            }
        }
        Integer average = finishedScores.isEmpty() ? null
                : (int) Math.round(finishedScores.stream().mapToInt(Integer::intValue).average().orElse(0));
        Integer latest = finishedScores.isEmpty() ? null : finishedScores.get(finishedScores.size() - 1);
        Integer change = finishedScores.size() < 2 ? null : latest - finishedScores.get(0);
        int outOf = finished;
        List<CandidateProgress.MissedTopic> mostMissed = misses.values().stream()
                .sorted(Comparator.comparingInt((MissCount m) -> m.count).reversed())
                .limit(MOST_MISSED)
                .map(m -> new CandidateProgress.MissedTopic(m.item.itemKey(), m.item.phase(), m.item.prompt(),
                        m.item.hint(), m.count, outOf))
                .toList();
        return new CandidateProgress(candidateRef, ordered.size(), finished, average, latest, change, history,
                mostMissed);
    }

    private static final class MissCount {
        final FeedbackReport.MissedItem item;
        int count;

        MissCount(FeedbackReport.MissedItem item) {
            this.item = item;
        }
    }
}
