package dev.whiteboard.session.rest;

import dev.whiteboard.session.domain.TemplateDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PublishTemplateRequest", description = "A template to publish. Without id it becomes a new template "
        + "(version 1, id generated); with the id of one of your templates it becomes that template's next version.")
public record PublishTemplateRequest(
        @Schema(description = "Your template's id, to publish its next version") String id,
        @Schema(examples = "Backend loop, 45 minutes", required = true) String name,
        @Schema(required = true) List<Phase> phases) {

    @Schema(name = "PublishTemplatePhase")
    public record Phase(
            @Schema(examples = "requirements", required = true) String key,
            @Schema(examples = "Gather requirements", required = true) String title,
            @Schema(description = "Optional; when given it must be the phase's position, from 1", examples = "1") Integer order,
            @Schema(examples = "1", required = true) Integer minMinutes,
            @Schema(examples = "2", required = true) Integer maxMinutes,
            List<Item> checklist) {
    }

    @Schema(name = "PublishTemplateItem")
    public record Item(
            @Schema(examples = "users-and-usage", required = true) String key,
            @Schema(examples = "Who will use the system?", required = true) String prompt,
            @Schema(examples = "Ask who the users are.", required = true) String hint,
            @Schema(examples = "[\"users\", \"customers\"]", required = true,
                    description = "1 to 200 words or short phrases (each at most 200 characters and 16 words) whose "
                            + "presence, with something said about it, shows the item was covered. Cues are matched on "
                            + "whole words after stemming (\"cache\" also matches \"caching\" and \"cached\"); "
                            + "articles and prepositions may sit between a cue's words. A few cue words are "
                            + "placeholders: \"n\" stands for any number (\"n users\" matches \"20M users\"), "
                            + "\"n10k\" for a number of 10,000 or more, \"gap\" for up to six words of any kind (at "
                            + "most three gaps count per cue), and \"->\" for an arrow. The default template "
                            + "(GET /templates/default) uses more placeholders for classes of words, such as "
                            + "\"readword\" and \"timeunit\", which a platform's cues may use too.")
            List<String> cues) {
    }

    TemplateDraft toDraft() {
        return new TemplateDraft(name, phases == null ? null : phases.stream()
                .map(p -> p == null ? null : new TemplateDraft.PhaseDraft(p.key(), p.title(), p.order(), p.minMinutes(),
                        p.maxMinutes(), p.checklist() == null ? null : p.checklist().stream()
                        .map(i -> i == null ? null : new TemplateDraft.ItemDraft(i.key(), i.prompt(), i.hint(), i.cues()))
                        .toList()))
                .toList());
    }
}
