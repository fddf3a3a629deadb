package dev.whiteboard.session.domain;

/** A phase's active time against its budget of minimum and maximum minutes. */
public enum BudgetStatus {
    UNDER, WITHIN, OVER;

    public static BudgetStatus of(long elapsedSeconds, int minMinutes, int maxMinutes) {
        if (elapsedSeconds < minMinutes * 60L) {
            return UNDER;
        }
        if (elapsedSeconds > maxMinutes * 60L) {
            return OVER;
        }
        return WITHIN;
    }
}
