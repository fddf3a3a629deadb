package dev.whiteboard.session.rest;

import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.service.TemplateService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** For Whiteboard's own services (X-Internal-Token): any tenant's template version, as sessions pinned it. */
@Path("/internal/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalTemplateResource {
    static final String LATEST = "latest";

    private final TemplateService templates;

    public InternalTemplateResource(TemplateService templates) {
        this.templates = templates;
    }

    @GET
    @Path("{id}/versions/{version}")
    @Operation(summary = "Get any tenant's template version",
            description = "For feedback-service: the template version a session event names, or the latest version, whoever published it.")
    @APIResponse(responseCode = "200", description = "The template version",
            content = @Content(schema = @Schema(implementation = TemplateDocument.class),
                    examples = @ExampleObject(name = "default", value = ApiExamples.TEMPLATE)))
    @APIResponse(responseCode = "400", description = "The version is neither a number from 1 nor `latest`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TemplateDocument> get(@RestPath String id,
                                     @Parameter(description = "A version number, or `latest`", example = "latest")
                                     @RestPath String version) {
        return templates.getAnyTenant(id, versionOf(version)).map(TemplateDocument::of);
    }

    private static Integer versionOf(String version) {
        if (LATEST.equals(version)) {
            return null;
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("version", "must be a version number from 1, or 'latest'");
    }
}
