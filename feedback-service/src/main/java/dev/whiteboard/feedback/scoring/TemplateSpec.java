package dev.whiteboard.feedback.scoring;

import java.util.List;

/** A template as session-service serves it (decision 0004), reduced to what scoring needs. */
public record TemplateSpec(String id, int version, String name, List<PhaseSpec> phases) {

    public record PhaseSpec(String key, String title, int order, int minMinutes, int maxMinutes,
                            List<ChecklistItemSpec> checklist) {
    }

    public record ChecklistItemSpec(String key, String prompt, String hint, List<String> cues) {
    }
}
