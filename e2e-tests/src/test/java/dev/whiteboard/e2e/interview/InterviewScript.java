package dev.whiteboard.e2e.interview;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A scripted practice interview and what its notes should earn: the notes per phase (with a structured
 * estimate in the capacity phase), the checklist items they cover and miss, and each graded figure's
 * verdict. The Java and the TypeScript runs read the same file.
 */
record InterviewScript(String question, String candidateRef, List<PhaseNotes> phases, Expected expected) {
    static final String RESOURCE = "url-shortener-interview.json";

    record PhaseNotes(String phase, List<Note> notes) {
    }

    record Note(String text, Estimate estimate) {
    }

    record Estimate(Map<String, Object> inputs, Map<String, Number> candidate) {
    }

    record Expected(List<String> covered, List<String> missed, Map<String, String> estimateVerdicts) {
    }

    static InterviewScript load() {
        try {
            return new ObjectMapper().readValue(file().toFile(), InterviewScript.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the script lies on disk, for the TypeScript run to read it too. */
    static Path file() {
        try {
            return Path.of(InterviewScript.class.getResource(RESOURCE).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
