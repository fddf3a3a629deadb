package dev.whiteboard.session.rest;

import dev.whiteboard.api.access.CurrentTenant;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.session.service.Rendered;
import dev.whiteboard.session.service.TemplateService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Interview templates: the shared default and your own, in immutable versions")
public class TemplateResource {
    private final TemplateService templates;
    private final CurrentTenant currentTenant;

    public TemplateResource(TemplateService templates, CurrentTenant currentTenant) {
        this.templates = templates;
        this.currentTenant = currentTenant;
    }

    @GET
    @Operation(summary = "List templates", description = "The latest version of the shared default and of each of your templates.")
    @APIResponse(responseCode = "200", description = "The templates",
            content = @Content(schema = @Schema(implementation = TemplateSummaryResponse.Listing.class),
                    examples = @ExampleObject(name = "templates", value = ApiExamples.TEMPLATE_LIST)))
    public Uni<TemplateSummaryResponse.Listing> list() {
        return templates.list(currentTenant.id()).map(list ->
                new TemplateSummaryResponse.Listing(list.stream().map(TemplateSummaryResponse::of).toList()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a template", description = "A template's latest version, or the version asked for.")
    @APIResponse(responseCode = "200", description = "The template version",
            content = @Content(schema = @Schema(implementation = TemplateDocument.class),
                    examples = @ExampleObject(name = "default", value = ApiExamples.TEMPLATE)))
    @APIResponse(responseCode = "400", description = "The version is not a positive number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template (or version) for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TemplateDocument> get(@RestPath String id,
                                     @Parameter(description = "A version; the latest when absent") @RestQuery @Positive Integer version) {
        return templates.get(currentTenant.id(), id, version).map(TemplateDocument::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a template",
            description = "Publishes a new template (no id) or the next version of one of yours (its id). Checked: at "
                    + "least one phase, unique phase and checklist item keys, budgets of 1-600 whole minutes with "
                    + "minMinutes <= maxMinutes, every item with a prompt, a hint and cues. Versions never change.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "template", value = ApiExamples.PUBLISH_TEMPLATE)))
    @APIResponse(responseCode = "201", description = "Published; Location names the new version",
            content = @Content(schema = @Schema(implementation = TemplateDocument.class),
                    examples = @ExampleObject(name = "published", value = ApiExamples.TEMPLATE)))
    @APIResponse(responseCode = "400", description = "The template breaks a rule; errors name every field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The shared default cannot be republished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "key reused", value = ApiExamples.PROBLEM_422)))
    public Uni<Response> publish(
            @Parameter(in = ParameterIn.HEADER, name = Replies.IDEMPOTENCY_KEY,
                    description = "A retry with the same key and body returns the first response; another body gets 422")
            @RestHeader(Replies.IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull @Valid PublishTemplateRequest request) {
        return templates.publish(currentTenant.id(), idempotencyKey, request.id(), request.toDraft(), request,
                        template -> new Rendered(201, "/templates/" + template.id() + "?version=" + template.version(),
                                null, TemplateDocument.of(template)))
                .map(Replies::toResponse);
    }
}
