package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.estimation.domain.Scenario;
import dev.whiteboard.estimation.service.EstimationService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/** The classic questions with their worked estimates, served from memory with ETags. */
@Path("/scenarios")
@Tag(name = "Scenarios", description = "Classic system-design questions with typical inputs and their estimates")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class ScenarioResource {
    static final String CACHE_CONTROL = "public, max-age=3600";

    private final CachedJson all;
    private final Map<String, CachedJson> byId = new LinkedHashMap<>();

    public ScenarioResource(EstimationService service, ObjectMapper json) {
        this.all = CachedJson.of(json, service.scenarios().stream().map(ScenarioView::of).toList(), CACHE_CONTROL);
        for (Scenario scenario : service.scenarios()) {
            byId.put(scenario.id(), CachedJson.of(json, ScenarioView.of(scenario), CACHE_CONTROL));
        }
    }

    @GET
    @Operation(summary = "List the scenarios",
            description = "URL shortener, paste bin, news feed, chat, web crawler, video streaming and photo sharing: "
                    + "each with typical inputs (ready for POST /estimates), the assumptions behind them and the "
                    + "estimate. Cacheable: send the ETag back in If-None-Match to get 304.")
    @APIResponse(responseCode = "200", description = "All scenarios",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ScenarioView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    public Response list(@Parameter(description = "An ETag from an earlier answer")
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return all.respond(ifNoneMatch);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one scenario", description = "A scenario by id, with its inputs, assumptions and "
            + "estimate. Cacheable: send the ETag back in If-None-Match to get 304.")
    @APIResponse(responseCode = "200", description = "The scenario",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScenarioView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    @APIResponse(responseCode = "404", description = "No scenario with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiExamples.NOT_FOUND)))
    public Response get(@Parameter(description = "The scenario id", example = "url-shortener") @PathParam("id") String id,
                        @Parameter(description = "An ETag from an earlier answer")
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CachedJson scenario = byId.get(id);
        if (scenario == null) {
            throw ProblemException.notFound("no scenario '" + id + "'; see GET /scenarios");
        }
        return scenario.respond(ifNoneMatch);
    }
}
