package dev.whiteboard.feedback.rest;

import dev.whiteboard.api.access.CurrentTenant;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.feedback.domain.FeedbackReport;
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

import java.util.UUID;

@Path("/feedback")
@Tag(name = "Feedback", description = "The report on one interview: coverage with evidence, missed items with hints, "
        + "time management and estimation, and an overall score with its weights")
public class FeedbackResource {
    private final FeedbackQueries queries;
    private final CurrentTenant currentTenant;

    public FeedbackResource(FeedbackQueries queries, CurrentTenant currentTenant) {
        this.queries = queries;
        this.currentTenant = currentTenant;
    }

    @GET
    @Path("/{sessionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get an interview's feedback report",
            description = "The report exists from the session's first event. `status` is PENDING until the "
                    + "interview starts, LIVE while it runs (updated as notes arrive), FINAL once it ended and every "
                    + "event arrived. A structured estimate still being graded shows as UNGRADED and is filled in "
                    + "later, also in a FINAL report. The weights of the overall score are stated in `scoring`.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackReport.class),
                    examples = @ExampleObject(name = "final report", value = ApiExamples.REPORT)))
    @APIResponse(responseCode = "404", description = "No event of this session has arrived (or it is another tenant's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown session", value = ApiExamples.PROBLEM_NOT_FOUND)))
    public Uni<FeedbackReport> report(
            @Parameter(description = "The session id (a UUID)", example = "5b0c1f7e-8a55-4a8e-9d5e-0f4b0f3c2a11")
            @PathParam("sessionId") String sessionId) {
        UUID id = SessionIds.parse(sessionId);
        return queries.report(currentTenant.id(), id);
    }
}
