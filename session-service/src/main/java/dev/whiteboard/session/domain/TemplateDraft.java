package dev.whiteboard.session.domain;

import java.util.List;

/** A template as a platform submits it, unchecked; {@link TemplateRules} turns it into a {@link Template}. */
public record TemplateDraft(String name, List<PhaseDraft> phases) {

    public record PhaseDraft(String key, String title, Integer order, Integer minMinutes, Integer maxMinutes,
                             List<ItemDraft> checklist) {
    }

    public record ItemDraft(String key, String prompt, String hint, List<String> cues) {
    }
}
