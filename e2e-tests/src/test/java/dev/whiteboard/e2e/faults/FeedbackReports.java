package dev.whiteboard.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads feedback reports of one tenant until they reach the state a test waits for, within a bound. */
final class FeedbackReports {
    private final SuiteHttp http;
    private final String feedbackUrl;

    FeedbackReports(SuiteHttp http, String feedbackUrl) {
        this.http = http;
        this.feedbackUrl = feedbackUrl;
    }

    SuiteHttp.Reply get(UUID sessionId) {
        return http.get(feedbackUrl + "/feedback/" + sessionId);
    }

    SuiteHttp.Reply progress(String candidateRef) {
        return http.get(feedbackUrl + "/candidates/" + candidateRef + "/progress");
    }

    /** The reports that turned FINAL within the timeout; the caller compares the count with what it expects. */
    Map<UUID, JsonNode> awaitFinal(Collection<UUID> sessions, Duration timeout) throws InterruptedException {
        return await(sessions, report -> "FINAL".equals(report.path("status").asText()), timeout);
    }

    /**
     * The reports that turned FINAL with every structured estimate graded (grading may finish after the
     * report turned FINAL) within the timeout.
     */
    Map<UUID, JsonNode> awaitSettled(Collection<UUID> sessions, Duration timeout) throws InterruptedException {
        return await(sessions, report -> "FINAL".equals(report.path("status").asText())
                && !report.path("estimation").path("estimates").findValuesAsText("status").contains("UNGRADED"), timeout);
    }

    /** The reports that satisfied the condition within the timeout. */
    Map<UUID, JsonNode> await(Collection<UUID> sessions, Predicate<JsonNode> condition, Duration timeout)
            throws InterruptedException {
        Map<UUID, JsonNode> reached = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (UUID id : sessions) {
                if (reached.containsKey(id)) {
                    continue;
                }
                SuiteHttp.Reply reply = get(id);
                if (reply.ok() && condition.test(reply.json())) {
                    reached.put(id, reply.json());
                }
            }
            if (reached.size() == sessions.size() || System.nanoTime() > deadline) {
                return reached;
            }
            Thread.sleep(500);
        }
    }
}
