package dev.whiteboard.feedback.rest;

import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.feedback.domain.TemplateRef;
import dev.whiteboard.feedback.scoring.NoteText;
import dev.whiteboard.feedback.service.CoverageCheck;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@Path("/coverage")
@Tag(name = "Coverage", description = "Instant coverage hints for notes being written, without a session")
public class CoverageResource {
    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTES = 100;
    static final int MAX_TOTAL = 100_000;
    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final CoverageCheck coverage;

    public CoverageResource(CoverageCheck coverage) {
        this.coverage = coverage;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score notes against a template",
            description = "Scores a plain text, or notes per phase, against a template (the default template "
                    + "unless `templateId` is given; its latest version unless `templateVersion` is given) with the "
                    + "same scorer and evidence as the interview reports. An item counts as covered only when the "
                    + "notes hold a decision, a number, a mechanism or a trade-off about it; a topic merely named "
                    + "(\"CDN?\") is not covered. Give `text` or `notes`, not both.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CoverageRequest.class),
            examples = {@ExampleObject(name = "plain text", value = ApiExamples.COVERAGE_TEXT_REQUEST),
                    @ExampleObject(name = "notes per phase", value = ApiExamples.COVERAGE_NOTES_REQUEST)}))
    @APIResponse(responseCode = "200", description = "The coverage, evidence and missed items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CoverageResponse.class),
                    examples = @ExampleObject(name = "coverage", value = ApiExamples.COVERAGE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Neither or both of text and notes, a note without phase or "
            + "text, a phase the template does not have, or a malformed template id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "text and notes", value = ApiExamples.PROBLEM_BAD_NOTES)))
    @APIResponse(responseCode = "413", description = "The text or notes are too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too long", value = ApiExamples.PROBLEM_TOO_LARGE)))
    @APIResponse(responseCode = "422", description = "The template (version) does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no such template", value = ApiExamples.PROBLEM_NO_TEMPLATE)))
    public Uni<CoverageResponse> check(CoverageRequest request) {
        TemplateRef template = templateOf(request);
        List<NoteText> notes = notesOf(request);
        int total = notes.stream().mapToInt(n -> n.text().length()).sum();
        return coverage.check(template, notes, total)
                .map(result -> new CoverageResponse(result.template(), result.coverage(), result.missed()));
    }

    private static TemplateRef templateOf(CoverageRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a JSON object with text or notes is required");
        }
        String id = request.templateId() == null ? TemplateRef.DEFAULT_ID : request.templateId();
        if (!TEMPLATE_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("templateId", "must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if (request.templateVersion() != null && request.templateVersion() < 1) {
            throw ProblemException.badRequest("templateVersion", "must be at least 1");
        }
        return new TemplateRef(id, request.templateVersion());
    }

    private static List<NoteText> notesOf(CoverageRequest request) {
        boolean hasText = request.text() != null;
        boolean hasNotes = request.notes() != null;
        if (hasText == hasNotes) {
            throw ProblemException.badRequest("body", hasText ? "give either text or notes, not both"
                    : "give text or notes");
        }
        if (hasText) {
            if (request.text().length() > MAX_TEXT) {
                throw ProblemException.payloadTooLarge("text", "text must be at most " + MAX_TEXT + " characters");
            }
            if (request.text().isBlank()) {
                throw ProblemException.badRequest("text", "must not be blank");
            }
            return List.of(new NoteText(null, request.text()));
        }
        if (request.notes().isEmpty()) {
            throw ProblemException.badRequest("notes", "must hold at least one note");
        }
        if (request.notes().size() > MAX_NOTES) {
            throw ProblemException.payloadTooLarge("notes", "at most " + MAX_NOTES + " notes are scored at once");
        }
        List<NoteText> notes = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < request.notes().size(); i++) {
            CoverageRequest.NoteInput note = request.notes().get(i);
            if (note == null) {
                throw ProblemException.badRequest("notes[" + i + "]", "must be an object with phase and text");
            }
            if (note.phase() == null || note.phase().isBlank()) {
                throw ProblemException.badRequest("notes[" + i + "].phase", "is required");
            }
            if (note.text() == null) {
                throw ProblemException.badRequest("notes[" + i + "].text", "is required");
            }
            if (note.text().length() > MAX_TEXT) {
                throw ProblemException.payloadTooLarge("notes[" + i + "].text",
                        "a note must be at most " + MAX_TEXT + " characters");
            }
            total += note.text().length();
            notes.add(new NoteText(note.phase(), note.text()));
        }
        if (total > MAX_TOTAL) {
            throw ProblemException.payloadTooLarge("notes", "the notes must be at most " + MAX_TOTAL
                    + " characters in all");
        }
        return notes;
    }
}
