package dev.whiteboard.session.domain;

/** Where an interview session stands. COMPLETED and ABANDONED are final. */
public enum SessionStatus {
    CREATED, IN_PROGRESS, PAUSED, COMPLETED, ABANDONED;

    public boolean finished() {
        return this == COMPLETED || this == ABANDONED;
    }
}
