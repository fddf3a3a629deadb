package dev.whiteboard.session.domain;

import java.util.Locale;
import java.util.Optional;

/** What a platform can ask of a session; each is a POST to /sessions/{id}/{name}. */
public enum SessionAction {
    START, ADVANCE, PAUSE, RESUME, COMPLETE, ABANDON;

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionAction> fromPathName(String name) {
        for (SessionAction action : values()) {
            if (action.pathName().equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
