package dev.whiteboard.session.rest;

import dev.whiteboard.session.domain.Template;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A template version exactly as decision 0004 writes it. */
@Schema(name = "Template", description = "An immutable template version: phases in order with budgets and checklists.")
public record TemplateDocument(
        @Schema(examples = "default") String id,
        @Schema(examples = "1") int version,
        @Schema(examples = "System design interview") String name,
        List<PhaseDocument> phases) {

    @Schema(name = "TemplatePhase")
    public record PhaseDocument(
            @Schema(examples = "requirements") String key,
            @Schema(examples = "Gather requirements") String title,
            @Schema(examples = "1") int order,
            @Schema(examples = "1") int minMinutes,
            @Schema(examples = "2") int maxMinutes,
            List<ItemDocument> checklist) {
    }

    @Schema(name = "ChecklistItem")
    public record ItemDocument(
            @Schema(examples = "users-and-usage") String key,
            @Schema(examples = "Who will use the system, and how?") String prompt,
            @Schema(examples = "Start by asking who the users are and how they use it.") String hint,
            @Schema(examples = "[\"users\", \"customers\", \"who will use\"]") List<String> cues) {
    }

    static TemplateDocument of(Template template) {
        return new TemplateDocument(template.id(), template.version(), template.name(), template.phases().stream()
                .map(p -> new PhaseDocument(p.key(), p.title(), p.order(), p.minMinutes(), p.maxMinutes(),
                        p.checklist().stream()
                                .map(i -> new ItemDocument(i.key(), i.prompt(), i.hint(), i.cues()))
                                .toList()))
                .toList());
    }
}
