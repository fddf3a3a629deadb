package dev.whiteboard.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One whole interview on the default template, always with the same notes (one per phase, a structured
 * estimate in the capacity phase), so that every report of a run must equal the report of an interview
 * that met no fault.
 */
final class ScriptedInterview {
    record Note(String phase, String text, Map<String, Object> estimate) {
    }

    static final Map<String, Object> ESTIMATE = Map.of(
            "inputs", Map.of("dailyActiveUsers", 100_000_000, "writesPerUserPerDay", 1, "readsPerWrite", 100),
            "candidate", Map.of("writeQps", 1000, "readQps", 100_000));

    static final List<Note> NOTES = List.of(
            new Note("requirements", "Readers and writers of short links use it from browsers; reads dominate writes "
                    + "100 to 1 and stale reads for a few seconds are acceptable.", null),
            new Note("functional-nonfunctional", "The API offers createLink and resolveLink; API keys with rate limits "
                    + "prevent abuse, and we favour availability over consistency.", null),
            new Note("capacity", "100 million daily users writing once a day gives 1,000 writes per second and 100,000 "
                    + "reads per second; 500 bytes per link is 50 GB a day.", ESTIMATE),
            new Note("high-level-design", "A stateless web tier behind an L7 load balancer writes to the database and "
                    + "reads through a Redis cache.", null),
            new Note("data-model", "One table of links keyed by short code, about 500 bytes per record; a key-value "
                    + "NoSQL store fits because there are no joins.", null),
            new Note("deep-dive", "Shard by short code with consistent hashing, replicate three ways, evict hot links "
                    + "with LRU and serve redirects through a CDN.", null));

    /** A session that ran to completion, with what session-service says about it at the end. */
    record Completed(UUID id, String candidateRef, int notes, long lastSequence) {
    }

    /** Thrown when a step of the interview did not get a 2xx. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String step, SuiteHttp.Reply reply) {
            super(step + " -> " + reply);
        }
    }

    private final SuiteHttp http;
    private final String sessionUrl;

    ScriptedInterview(SuiteHttp http, String sessionUrl) {
        this.http = http;
        this.sessionUrl = sessionUrl;
    }

    /** Creates a session and runs it to completion, waiting {@code pause} between steps. */
    Completed run(String candidateRef, Duration pause) {
        UUID id = create(candidateRef);
        step("start", http.post(sessionUrl + "/sessions/" + id + "/start", null));
        for (int i = 0; i < NOTES.size(); i++) {
            if (i > 0) {
                step("advance", http.post(sessionUrl + "/sessions/" + id + "/advance", null));
            }
            pause(pause);
            addNote(id, NOTES.get(i));
        }
        step("complete", http.post(sessionUrl + "/sessions/" + id + "/complete", null));
        JsonNode session = step("read back", http.get(sessionUrl + "/sessions/" + id)).json();
        return new Completed(id, candidateRef, session.path("noteCount").asInt(), session.path("lastSequence").asLong());
    }

    UUID create(String candidateRef) {
        SuiteHttp.Reply created = step("create", http.post(sessionUrl + "/sessions", SuiteHttp.json(Map.of(
                "question", "Design a URL shortener", "candidateRef", candidateRef))));
        return UUID.fromString(created.json().path("id").asText());
    }

    SuiteHttp.Reply addNote(UUID id, Note note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phase", note.phase());
        body.put("text", note.text());
        if (note.estimate() != null) {
            body.put("estimate", note.estimate());
        }
        return step("note " + note.phase(), http.post(sessionUrl + "/sessions/" + id + "/notes", SuiteHttp.json(body)));
    }

    private static SuiteHttp.Reply step(String step, SuiteHttp.Reply reply) {
        if (!reply.ok()) {
            throw new StepFailed(step, reply);
        }
        return reply;
    }

    private static void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
