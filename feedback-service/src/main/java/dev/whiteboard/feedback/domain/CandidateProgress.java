package dev.whiteboard.feedback.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A candidate's progress over their interviews: each session's scores, the average and the change from
 * the first finished interview to the latest, and the topics missed most often in finished interviews.
 */
public record CandidateProgress(String candidateRef, int sessions, int finishedSessions, Integer averageScore,
                                Integer latestScore, Integer scoreChange, List<SessionScore> history,
                                List<MissedTopic> mostMissed) {

    public record SessionScore(UUID sessionId, ReportStatus status, Integer overallScore, Integer coverage,
                               Integer timeManagement, Integer estimation, Instant startedAt, Instant finalizedAt) {
    }

    /** A checklist item and in how many of the finished interviews it was missed. */
    public record MissedTopic(String itemKey, String phase, String prompt, String hint, int missedIn, int outOf) {
    }
}
