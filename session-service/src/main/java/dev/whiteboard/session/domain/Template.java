package dev.whiteboard.session.domain;

import java.util.List;

/** An immutable template version (decision 0004): phases in order, each with a budget and a checklist. */
public record Template(String id, int version, String name, List<Phase> phases) {

    public static final String DEFAULT_ID = "default";

    public Template {
        phases = List.copyOf(phases);
    }

    public record Phase(String key, String title, int order, int minMinutes, int maxMinutes,
                        List<ChecklistItem> checklist) {
        public Phase {
            checklist = List.copyOf(checklist);
        }
    }

    /** A point a candidate should cover: what a coach would ask, a hint, and the phrases that show it. */
    public record ChecklistItem(String key, String prompt, String hint, List<String> cues) {
        public ChecklistItem {
            cues = List.copyOf(cues);
        }
    }

    /** The phases as a new session runs them, nothing started yet. */
    public List<PhaseTiming> pendingPhases() {
        return phases.stream()
                .map(p -> PhaseTiming.pending(p.key(), p.title(), p.order(), p.minMinutes(), p.maxMinutes()))
                .toList();
    }
}
