package dev.whiteboard.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report says that depends only on the events of its session, not on when they were processed:
 * each checklist item's verdict with its evidence (a lost note removes evidence, a note applied twice
 * repeats it), the missed items, and the grading of each structured estimate. Timing is left out: it
 * differs between any two interviews.
 */
record ReportFingerprint(String outcome, int coveredItems, int totalItems, Map<String, String> items,
                         List<String> missed, List<String> estimates) {

    static ReportFingerprint of(JsonNode report) {
        Map<String, String> items = new TreeMap<>();
        for (JsonNode phase : report.path("coverage").path("phases")) {
            for (JsonNode item : phase.path("items")) {
                List<String> evidence = new ArrayList<>();
                item.path("evidence").forEach(e -> evidence.add(e.path("phase").asText() + ": " + e.path("sentence").asText()));
                evidence.sort(null);
                items.put(phase.path("phase").asText() + "/" + item.path("itemKey").asText(),
                        item.path("covered").asBoolean() + " " + evidence);
            }
        }
        List<String> missed = new ArrayList<>();
        report.path("missed").forEach(m -> missed.add(m.path("phase").asText() + "/" + m.path("itemKey").asText()));
        missed.sort(null);
        List<String> estimates = new ArrayList<>();
        for (JsonNode estimate : report.path("estimation").path("estimates")) {
            List<String> grades = new ArrayList<>();
            estimate.path("grades").forEach(g -> grades.add(g.path("figure").asText() + "=" + g.path("verdict").asText()));
            grades.sort(null);
            estimates.add(estimate.path("phase").asText() + " " + estimate.path("status").asText() + " " + grades);
        }
        estimates.sort(null);
        return new ReportFingerprint(report.path("outcome").asText(), report.path("coverage").path("coveredItems").asInt(),
                report.path("coverage").path("totalItems").asInt(), items, missed, estimates);
    }
}
