package dev.whiteboard.session.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a template publishable: at least one phase; unique phase keys and unique checklist item
 * keys; budgets of whole positive minutes with minimum at most maximum; every text present and bounded.
 * All problems are reported at once, each with its JSON path.
 */
public final class TemplateRules {
    public static final int MAX_PHASES = 50;
    public static final int MAX_ITEMS_PER_PHASE = 200;
    public static final int MAX_CUES_PER_ITEM = 200;
    public static final int MAX_MINUTES = 600;
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_TEXT_CHARS = 2000;
    public static final int MAX_CUE_CHARS = 200;
    /** feedback-service's scorer leaves longer phrases out (their search grows with their length). */
    public static final int MAX_CUE_WORDS = 16;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private TemplateRules() {
    }

    /** The checked template, or a {@link RuleViolation} (INVALID) naming every field that is wrong. */
    public static Template build(String id, int version, TemplateDraft draft) {
        List<RuleViolation.FieldProblem> problems = new ArrayList<>();
        text(problems, "name", draft.name(), MAX_NAME_CHARS);
        List<TemplateDraft.PhaseDraft> drafts = draft.phases() == null ? List.of() : draft.phases();
        if (drafts.isEmpty()) {
            problems.add(new RuleViolation.FieldProblem("phases", "a template needs at least one phase"));
        } else if (drafts.size() > MAX_PHASES) {
            problems.add(new RuleViolation.FieldProblem("phases", "a template has at most " + MAX_PHASES + " phases"));
        }
        Set<String> phaseKeys = new HashSet<>();
        Set<String> itemKeys = new HashSet<>();
        List<Template.Phase> phases = new ArrayList<>();
        for (int i = 0; i < drafts.size() && i < MAX_PHASES; i++) {
            phases.add(phase(problems, "phases[" + i + "]", i + 1, drafts.get(i), phaseKeys, itemKeys));
        }
        if (!problems.isEmpty()) {
            RuleViolation.FieldProblem first = problems.get(0);
            throw new RuleViolation(RuleViolation.Reason.INVALID, first.field() + ": " + first.message(), problems);
        }
        return new Template(id, version, draft.name().strip(), phases);
    }

    private static Template.Phase phase(List<RuleViolation.FieldProblem> problems, String path, int position,
                                        TemplateDraft.PhaseDraft draft, Set<String> phaseKeys, Set<String> itemKeys) {
        if (draft == null) {
            problems.add(new RuleViolation.FieldProblem(path, "must be an object"));
            return null;
        }
        if (key(problems, path + ".key", draft.key()) && !phaseKeys.add(draft.key())) {
            problems.add(new RuleViolation.FieldProblem(path + ".key", "'" + draft.key() + "' is used by another phase"));
        }
        text(problems, path + ".title", draft.title(), MAX_NAME_CHARS);
        if (draft.order() != null && draft.order() != position) {
            problems.add(new RuleViolation.FieldProblem(path + ".order",
                    "must be " + position + ": phases are listed in their order"));
        }
        boolean minValid = minutes(problems, path + ".minMinutes", draft.minMinutes());
        boolean maxValid = minutes(problems, path + ".maxMinutes", draft.maxMinutes());
        if (minValid && maxValid && draft.minMinutes() > draft.maxMinutes()) {
            problems.add(new RuleViolation.FieldProblem(path + ".minMinutes",
                    "must be at most maxMinutes (" + draft.maxMinutes() + ")"));
        }
        List<TemplateDraft.ItemDraft> items = draft.checklist() == null ? List.of() : draft.checklist();
        if (items.size() > MAX_ITEMS_PER_PHASE) {
            problems.add(new RuleViolation.FieldProblem(path + ".checklist",
                    "a phase has at most " + MAX_ITEMS_PER_PHASE + " checklist items"));
        }
        List<Template.ChecklistItem> checklist = new ArrayList<>();
        for (int j = 0; j < items.size() && j < MAX_ITEMS_PER_PHASE; j++) {
            checklist.add(item(problems, path + ".checklist[" + j + "]", items.get(j), itemKeys));
        }
        if (problems.isEmpty()) {
            return new Template.Phase(draft.key(), draft.title().strip(), position, draft.minMinutes(),
                    draft.maxMinutes(), checklist);
        }
        return null;
    }

    private static Template.ChecklistItem item(List<RuleViolation.FieldProblem> problems, String path,
                                               TemplateDraft.ItemDraft draft, Set<String> itemKeys) {
        if (draft == null) {
            problems.add(new RuleViolation.FieldProblem(path, "must be an object"));
            return null;
        }
        if (key(problems, path + ".key", draft.key()) && !itemKeys.add(draft.key())) {
            problems.add(new RuleViolation.FieldProblem(path + ".key",
                    "'" + draft.key() + "' is used by another checklist item"));
        }
        text(problems, path + ".prompt", draft.prompt(), MAX_TEXT_CHARS);
        text(problems, path + ".hint", draft.hint(), MAX_TEXT_CHARS);
        List<String> cues = draft.cues() == null ? List.of() : draft.cues();
        if (cues.isEmpty()) {
            problems.add(new RuleViolation.FieldProblem(path + ".cues",
                    "needs at least one word or phrase that shows the item was covered"));
        } else if (cues.size() > MAX_CUES_PER_ITEM) {
            problems.add(new RuleViolation.FieldProblem(path + ".cues", "at most " + MAX_CUES_PER_ITEM + " cues"));
        }
        for (int k = 0; k < cues.size() && k < MAX_CUES_PER_ITEM; k++) {
            String field = path + ".cues[" + k + "]";
            text(problems, field, cues.get(k), MAX_CUE_CHARS);
            if (cues.get(k) != null && cues.get(k).strip().split("\\s+").length > MAX_CUE_WORDS) {
                problems.add(new RuleViolation.FieldProblem(field, "must be at most " + MAX_CUE_WORDS
                        + " words: a cue is a word or a short phrase"));
            }
        }
        if (problems.isEmpty()) {
            return new Template.ChecklistItem(draft.key(), draft.prompt().strip(), draft.hint().strip(),
                    cues.stream().map(String::strip).toList());
        }
        return null;
    }

    private static boolean key(List<RuleViolation.FieldProblem> problems, String field, String key) {
        if (key == null || key.isBlank()) {
            problems.add(new RuleViolation.FieldProblem(field, "is required"));
            return false;
        }
        if (!KEY.matcher(key).matches()) {
            problems.add(new RuleViolation.FieldProblem(field,
                    "must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"));
            return false;
        }
        return true;
    }

    private static void text(List<RuleViolation.FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new RuleViolation.FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new RuleViolation.FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean minutes(List<RuleViolation.FieldProblem> problems, String field, Integer value) {
        if (value == null) {
            problems.add(new RuleViolation.FieldProblem(field, "is required"));
            return false;
        }
        if (value < 1 || value > MAX_MINUTES) {
            problems.add(new RuleViolation.FieldProblem(field,
                    "must be a positive number of minutes, at most " + MAX_MINUTES));
            return false;
        }
        return true;
    }
}
