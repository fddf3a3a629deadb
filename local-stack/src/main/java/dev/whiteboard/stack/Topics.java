package dev.whiteboard.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Kafka topics of the suite, created up front with explicit partition counts. */
public final class Topics {
    public static final String SESSION_EVENTS = "whiteboard.session-events";
    public static final String SESSION_EVENTS_DEAD_LETTER = "whiteboard.session-events.dlq";

    private Topics() {
    }

    public static Map<String, Integer> all() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put(SESSION_EVENTS, 6);
        topics.put(SESSION_EVENTS_DEAD_LETTER, 1);
        return topics;
    }
}
