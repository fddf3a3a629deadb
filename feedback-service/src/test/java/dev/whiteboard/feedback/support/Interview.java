package dev.whiteboard.feedback.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the events (decision 0004) session-service publishes for one interview, in sequence order: the test
 * decides what the candidate wrote and how long each phase took.
 */
public final class Interview {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID sessionId = UUID.randomUUID();
    private final String tenantId;
    private final List<String> events = new ArrayList<>();
    private final ArrayNode timings = JSON.createArrayNode();
    private long sequence;
    private Instant clock = Instant.parse("2026-11-28T09:00:00Z");

    public Interview(String tenantId) {
        this.tenantId = tenantId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public Interview created(String question, String candidateRef) {
        return created(question, candidateRef, "default", FakeSessionService.DEFAULT_VERSION);
    }

    public Interview created(String question, String candidateRef, String templateId, int templateVersion) {
        ObjectNode p = JSON.createObjectNode().put("question", question).put("candidateRef", candidateRef)
                .put("templateId", templateId).put("templateVersion", templateVersion);
        return add("session.created", p);
    }

    public Interview started() {
        return add("session.started", JSON.createObjectNode().put("phase", "requirements"));
    }

    /** phase.started, the notes, phase.completed after {@code seconds}. */
    public Interview phase(String phase, int order, long seconds, int min, int max, String... notes) {
        Instant start = clock;
        add("phase.started", JSON.createObjectNode().put("phase", phase).put("order", order)
                .put("startedAt", start.toString()));
        for (String note : notes) {
            note(phase, note, null);
        }
        clock = start.plusSeconds(seconds);
        ObjectNode timing = JSON.createObjectNode().put("phase", phase).put("startedAt", start.toString())
                .put("endedAt", clock.toString()).put("elapsedSeconds", seconds).put("minMinutes", min)
                .put("maxMinutes", max);
        timings.add(timing);
        return add("phase.completed", timing.deepCopy());
    }

    /** A note; {@code estimate} is {@code {inputs, candidate}} or null. */
    public Interview note(String phase, String text, ObjectNode estimate) {
        ObjectNode p = JSON.createObjectNode().put("noteId", UUID.randomUUID().toString()).put("phase", phase)
                .put("text", text);
        if (estimate == null) {
            p.putNull("estimate");
        } else {
            p.set("estimate", estimate);
        }
        return add("note.added", p);
    }

    public Interview completed() {
        ObjectNode p = JSON.createObjectNode();
        p.set("phases", timings.deepCopy());
        return add("session.completed", p);
    }

    /** A structured estimate in estimation-service's shapes: 100M users × 10 writes a day, the candidate's figures. */
    public static ObjectNode estimate(double writesPerSecond) {
        ObjectNode estimate = JSON.createObjectNode();
        estimate.putObject("inputs").put("dailyActiveUsers", 100_000_000).put("writesPerUserPerDay", 10)
                .put("readsPerWrite", 100);
        estimate.putObject("candidate").put("writesPerSecond", writesPerSecond);
        return estimate;
    }

    private Interview add(String type, ObjectNode payload) {
        sequence++;
        ObjectNode event = JSON.createObjectNode()
                .put("eventId", UUID.randomUUID().toString())
                .put("type", type)
                .put("schemaVersion", 1)
                .put("tenantId", tenantId)
                .put("sessionId", sessionId.toString())
                .put("sequence", sequence)
                .put("occurredAt", Instant.now().toString());
        event.set("payload", payload);
        events.add(event.toString());
        return this;
    }

    /** The interview of the acceptance check: LRU eviction is covered, the CDN is not, 9 minutes on requirements. */
    public static Interview newsFeed(String tenantId, String candidateRef, double estimatedWritesPerSecond) {
        Interview interview = new Interview(tenantId).created("Design a news feed", candidateRef).started()
                .phase("requirements", 1, 540, 1, 2,
                        "Who uses it: 100M daily users reading feeds. Reads heavily outnumber writes. "
                                + "Low latency matters; slightly stale feeds are fine.")
                .phase("functional-nonfunctional", 2, 300, 5, 5,
                        "Post, follow, read feed. API keys with rate limits prevent abuse. "
                                + "We favour availability over consistency.");
        interview.phase("capacity", 3, 180, 3, 3);
        interview.note("capacity", "100M users x 10 posts a day = 1B writes a day, about 10,000 writes per second.",
                estimate(estimatedWritesPerSecond));
        return interview
                .phase("high-level-design", 4, 420, 5, 10)
                .phase("data-model", 5, 240, 5, 5)
                .phase("deep-dive", 6, 960, 15, 20,
                        "Cache hot feeds in Redis with LRU eviction; shard posts by user id with consistent hashing; "
                                + "replicate each shard; a message queue fans out new posts. CDN?")
                .completed();
    }
}
