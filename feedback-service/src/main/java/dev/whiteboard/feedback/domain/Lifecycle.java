package dev.whiteboard.feedback.domain;

/** Where a session is, as far as its events tell. */
public enum Lifecycle {
    UNKNOWN, CREATED, IN_PROGRESS, PAUSED, COMPLETED, ABANDONED;

    public boolean ended() {
        return this == COMPLETED || this == ABANDONED;
    }

    /** The lifecycle an event of this type leads to, or null when the type leaves it as it is. */
    public static Lifecycle after(EventType type) {
        return switch (type) {
            case SESSION_CREATED -> CREATED;
            case SESSION_STARTED, SESSION_RESUMED -> IN_PROGRESS;
            case SESSION_PAUSED -> PAUSED;
            case SESSION_COMPLETED -> COMPLETED;
            case SESSION_ABANDONED -> ABANDONED;
            default -> null;
        };
    }

    /**
     * Applies an event that arrived possibly out of order: only a later event moves the lifecycle, and an
     * ended session never starts again.
     */
    public static boolean moves(Lifecycle current, long currentSequence, EventType type, long sequence) {
        Lifecycle next = after(type);
        if (next == null || sequence <= currentSequence) {
            return false;
        }
        return !current.ended();
    }
}
