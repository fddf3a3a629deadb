package dev.whiteboard.feedback.domain;

/** PENDING until the interview starts; LIVE while it runs; FINAL once it ended and every event is in. */
public enum ReportStatus {
    PENDING, LIVE, FINAL
}
