package dev.whiteboard.session.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRulesTest {

    private static TemplateDraft.ItemDraft item(String key) {
        return new TemplateDraft.ItemDraft(key, "Ask about " + key, "Hint for " + key, List.of(key, key + "s"));
    }

    private static TemplateDraft.PhaseDraft phase(String key, Integer min, Integer max, TemplateDraft.ItemDraft... items) {
        return new TemplateDraft.PhaseDraft(key, "Title of " + key, null, min, max, List.of(items));
    }

    @Test
    void buildsATemplateWithOrdersFromThePositions() {
        Template template = TemplateRules.build("t1", 3, new TemplateDraft(" Loop ", List.of(
                phase("requirements", 1, 2, item("users")),
                phase("design", 5, 10, item("cache"), item("queue")))));

        assertThat(template.id()).isEqualTo("t1");
        assertThat(template.version()).isEqualTo(3);
        assertThat(template.name()).isEqualTo("Loop");
        assertThat(template.phases()).extracting(Template.Phase::key, Template.Phase::order)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("requirements", 1),
                        org.assertj.core.groups.Tuple.tuple("design", 2));
        assertThat(template.phases().get(1).checklist()).extracting(Template.ChecklistItem::key)
                .containsExactly("cache", "queue");
    }

    @Test
    void aCueIsAWordOrAShortPhraseOfAtMostSixteenWords() {
        String sixteen = String.join(" ", java.util.Collections.nCopies(16, "word"));
        TemplateDraft draft = new TemplateDraft("Loop", List.of(phase("requirements", 1, 2,
                new TemplateDraft.ItemDraft("users", "Who?", "Name them.", List.of(sixteen, sixteen + " more")))));

        assertThatThrownBy(() -> TemplateRules.build("t", 1, draft))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.problems()).extracting(RuleViolation.FieldProblem::field)
                            .containsExactly("phases[0].checklist[0].cues[1]");
                    assertThat(v.problems().get(0).message()).contains("at most 16 words");
                });
    }

    @Test
    void reportsEveryBrokenRuleWithItsPath() {
        TemplateDraft draft = new TemplateDraft("", List.of(
                phase("requirements", 0, 2, item("users")),
                phase("requirements", 5, 3, item("users")),
                new TemplateDraft.PhaseDraft("bad key!", "T", 7, null, 2, List.of(
                        new TemplateDraft.ItemDraft("x", "", "h", List.of())))));

        assertThatThrownBy(() -> TemplateRules.build("t", 1, draft))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo(RuleViolation.Reason.INVALID);
                    assertThat(v.problems()).extracting(RuleViolation.FieldProblem::field).containsExactly(
                            "name",
                            "phases[0].minMinutes",
                            "phases[1].key",
                            "phases[1].minMinutes",
                            "phases[1].checklist[0].key",
                            "phases[2].key",
                            "phases[2].order",
                            "phases[2].minMinutes",
                            "phases[2].checklist[0].prompt",
                            "phases[2].checklist[0].cues");
                    assertThat(v.problems().get(2).message()).contains("used by another phase");
                    assertThat(v.problems().get(3).message()).contains("at most maxMinutes (3)");
                    assertThat(v.problems().get(4).message()).contains("used by another checklist item");
                });
    }

    @Test
    void needsAtLeastOnePhase() {
        assertThatThrownBy(() -> TemplateRules.build("t", 1, new TemplateDraft("Empty", List.of())))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.problems()).extracting(RuleViolation.FieldProblem::field).containsExactly("phases"));
    }

    @Test
    void acceptsAnOrderThatMatchesThePosition() {
        Template template = TemplateRules.build("t", 1, new TemplateDraft("Ordered", List.of(
                new TemplateDraft.PhaseDraft("a", "A", 1, 1, 1, null),
                new TemplateDraft.PhaseDraft("b", "B", 2, 1, 1, null))));

        assertThat(template.phases()).hasSize(2);
        assertThat(template.phases().get(0).checklist()).isEmpty();
    }
}
