package dev.whiteboard.feedback.rest;

import dev.whiteboard.api.access.CurrentTenant;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.feedback.domain.CandidateProgress;
import dev.whiteboard.feedback.service.FeedbackQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/candidates")
@Tag(name = "Candidates", description = "A candidate's progress over their interviews")
public class CandidateResource {
    static final int MAX_REF_LENGTH = 200;

    private final FeedbackQueries queries;
    private final CurrentTenant currentTenant;

    public CandidateResource(FeedbackQueries queries, CurrentTenant currentTenant) {
        this.queries = queries;
        this.currentTenant = currentTenant;
    }

    @GET
    @Path("/{candidateRef}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a candidate's progress",
            description = "Scores over the candidate's interviews (the latest 200), oldest first; the average and the "
                    + "latest score and the change from the first finished interview; and the checklist items missed "
                    + "most often in finished interviews, with their hints.")
    @APIResponse(responseCode = "200", description = "The progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CandidateProgress.class),
                    examples = @ExampleObject(name = "progress", value = ApiExamples.PROGRESS)))
    @APIResponse(responseCode = "404", description = "No interview of this candidate is known in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown candidate", value = """
                            {"type":"about:blank","title":"Not Found","status":404,
                             "detail":"no interviews of candidate acc-404 are known","instance":"/candidates/acc-404/progress"}""")))
    public Uni<CandidateProgress> progress(
            @Parameter(description = "The platform's reference of the candidate", example = "acc-42")
            @PathParam("candidateRef") String candidateRef) {
        if (candidateRef.length() > MAX_REF_LENGTH) {
            throw ProblemException.badRequest("candidateRef", "must be at most " + MAX_REF_LENGTH + " characters");
        }
        return queries.progress(currentTenant.id(), candidateRef);
    }
}
