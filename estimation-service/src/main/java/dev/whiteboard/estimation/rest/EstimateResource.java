package dev.whiteboard.estimation.rest;

import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.estimation.domain.InvalidInputException;
import dev.whiteboard.estimation.service.EstimationService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Grading a candidate's figures, and many estimates in one call. POST /estimates itself is {@link EstimateRoute}. */
@Path("/estimates")
@Tag(name = "Estimates", description = "Capacity estimates with the working shown, and grading of a candidate's figures")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EstimateResource {
    private final EstimationService service;
    private final EstimateRequestReader reader = new EstimateRequestReader();

    public EstimateResource(EstimationService service) {
        this.service = service;
    }

    @POST
    @Path("/grade")
    @Operation(summary = "Grade a candidate's figures",
            description = "Computes the estimate for the inputs and compares each of the candidate's figures (any "
                    + "subset) with it: the ratio candidate/computed, a verdict (ACCURATE within 2x, ORDER_OF_MAGNITUDE "
                    + "within 10x, OFF beyond) and one sentence on the gap: a units slip of 1,000 or 1,024, bits for "
                    + "bytes, a day/month or day/second mix-up, a missed read/write ratio, replication factor, "
                    + "retention or peak factor, or a match with another time convention than the one asked for.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GradeRequest.class),
            examples = @ExampleObject(name = "units slip", value = ApiExamples.GRADE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The grades, in figure order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GradeResponse.class),
                    examples = @ExampleObject(name = "graded", value = ApiExamples.GRADE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "An input or candidate figure is missing, malformed or out of "
            + "range, or a figure cannot be computed from these inputs; `errors` names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "negative writes", value = ApiExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<GradeResponse> grade(byte[] body) {
        GradeRequest request = reader.grade(body);
        return Uni.createFrom().item(GradeResponse.of(
                service.grade(request.inputs().toInputs(), request.candidate().byKey())));
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Estimate up to 1,000 input sets",
            description = "Each item is an EstimateRequest. Results come back in the order of the items, each with "
                    + "its own status: 200 with the estimate, or 400 with the item's own problem (its fields named "
                    + "within the item); a bad item fails alone. The call answers 200 whenever the body is a JSON "
                    + "array of 1 to 1,000 items. Counts against the tenant's stricter `expensive` rate limit.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EstimateRequest.class, maxItems = 1000, minItems = 1),
            examples = @ExampleObject(name = "one bad item", value = ApiExamples.BATCH_REQUEST)))
    @APIResponse(responseCode = "200", description = "One result per item, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class),
                    examples = @ExampleObject(name = "one bad item", value = ApiExamples.BATCH_RESPONSE)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of objects, is empty, or is "
            + "malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = ApiExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<BatchResponse> batch(byte[] body) {
        List<EstimateRequestReader.BatchItem> items = reader.batch(body);
        List<BatchItemResult> results = new ArrayList<>(items.size());
        int failed = 0;
        for (int i = 0; i < items.size(); i++) {
            BatchItemResult result = estimateItem(i, items.get(i));
            failed += result.status() == 200 ? 0 : 1;
            results.add(result);
        }
        return Uni.createFrom().item(new BatchResponse(items.size() - failed, failed, results));
    }

    private BatchItemResult estimateItem(int index, EstimateRequestReader.BatchItem item) {
        ProblemException problem = item.problem();
        if (problem == null) {
            try {
                return new BatchItemResult(index, 200,
                        EstimateResponse.of(service.estimate(item.request().toInputs())), null);
            } catch (InvalidInputException e) {
                problem = InvalidInputMapper.problem(e);
            }
        }
        return new BatchItemResult(index, problem.status(), null,
                problem.toProblem("/estimates/batch[" + index + "]"));
    }
}
