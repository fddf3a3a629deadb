package dev.whiteboard.feedback.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which checklist items of a template a candidate's notes cover, with the sentences that show it.
 *
 * <p>Notes are split into bullet lines and sentences and analysed with Lucene (tokenized, lower-cased,
 * Porter-stemmed), so "caching", "cached" and "cache" are one word. Each item's cues are phrases matched
 * over those tokens, never substrings: filler words may sit between a cue's words, a cue word written
 * "n" stands for any number ("n users" matches "100M users"), "->" matches an arrow, a two- or
 * three-word cue also matches its words written as one ("web socket", "websocket"), and a misspelt
 * long word counts as the cue word one edit away.
 *
 * <p>A sentence that names a topic covers it only if it says something about it: a number, a word
 * beyond topic names and talk about the interview, or two topics put in relation ("LRU eviction",
 * "Eviction: LRU"). Not covered: an unanswered question ("CDN?"), a list of topic names ("Further
 * topics: CDN, logging"), a deferral ("we could talk about caching later"), uncertainty or omission
 * ("not sure about sharding"). A question answered on the same line ("Stale data OK? Yes, 1 min") is
 * one sentence. Items covered in another phase than their own count; the evidence names the phase.
 *
 * <p>Thread-safe. Compiled templates are cached by id and version (a published version is immutable).
 */
public final class CoverageScorer {

    /** Templates are few; past this many compiled versions the cache starts again rather than grow. */
    private static final int MAX_CACHED_TEMPLATES = 256;

    private final NoteAnalyzer analyzer = new NoteAnalyzer();
    private final WordRoles roles = new WordRoles(analyzer);
    private final Map<String, CompiledTemplate> compiled = new ConcurrentHashMap<>();

    public CoverageReport score(TemplateSpec template, List<NoteText> notes) {
        Objects.requireNonNull(template, "template");
        return compiled(template).score(notes == null ? List.of() : notes);
    }

    private CompiledTemplate compiled(TemplateSpec template) {
        String key = template.id() + "@" + template.version();
        CompiledTemplate found = compiled.get(key);
        if (found != null) {
            return found;
        }
        if (compiled.size() >= MAX_CACHED_TEMPLATES) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(key, k -> new CompiledTemplate(template, analyzer, roles));
    }
}
