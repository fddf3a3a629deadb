package dev.whiteboard.feedback.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event types of decision 0004; {@link #UNRECOGNIZED} is a type this version does not know yet. */
public enum EventType {
    SESSION_CREATED("session.created"),
    SESSION_STARTED("session.started"),
    SESSION_PAUSED("session.paused"),
    SESSION_RESUMED("session.resumed"),
    PHASE_STARTED("phase.started"),
    PHASE_COMPLETED("phase.completed"),
    NOTE_ADDED("note.added"),
    SESSION_COMPLETED("session.completed"),
    SESSION_ABANDONED("session.abandoned"),
    TEMPLATE_PUBLISHED("template.published"),
    UNRECOGNIZED("");

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .filter(t -> t != UNRECOGNIZED)
            .collect(Collectors.toMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType fromWire(String name) {
        return BY_NAME.getOrDefault(name, UNRECOGNIZED);
    }

    /** Every type but template.published belongs to a session and carries its tenant. */
    public boolean sessionScoped() {
        return this != TEMPLATE_PUBLISHED;
    }
}
