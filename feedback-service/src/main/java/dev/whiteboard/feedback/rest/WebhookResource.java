package dev.whiteboard.feedback.rest;

import dev.whiteboard.api.access.CurrentTenant;
import dev.whiteboard.api.problem.Problem;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.feedback.domain.WebhookSignature;
import dev.whiteboard.feedback.repository.WebhookEndpoint;
import dev.whiteboard.feedback.service.WebhookSettings;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/webhooks")
@Tag(name = "Webhooks", description = WebhookResource.RECEIVER_GUIDE)
public class WebhookResource {
    static final String RECEIVER_GUIDE = """
            When a report turns FINAL, Whiteboard POSTs `{"event":"report.final","deliveryId","sessionId","report"}` \
            to the tenant's URL (and `report.updated` if a FINAL report changes later, e.g. once an estimate is \
            graded). Headers: `Whiteboard-Event`, `Whiteboard-Delivery` (the same on every retry of a delivery: use \
            it to drop duplicates) and `Whiteboard-Signature: t=<unix seconds>,v1=<hex>`.

            To verify: take `t` and `v1` from the header; compute HMAC-SHA256 with your secret over the bytes \
            `<t>.<raw request body>`; compare its lowercase hex with `v1` in constant time; refuse a `t` more than \
            5 minutes from your clock. Answer 2xx within 5 seconds; anything else is retried with exponential \
            backoff and full jitter (random waits of up to 1 s, 2 s, 4 s ... and at most 10 minutes; 8 attempts in all). Every attempt \
            is listed at `GET /webhooks/deliveries`.""";

    private final WebhookSettings settings;
    private final CurrentTenant currentTenant;

    public WebhookResource(WebhookSettings settings, CurrentTenant currentTenant) {
        this.settings = settings;
        this.currentTenant = currentTenant;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the webhook URL and signing secret",
            description = "Replaces the tenant's webhook. The URL must be an absolute http(s) URL without "
                    + "credentials or fragment, and not a loopback or private address. The secret (16-256 characters) "
                    + "signs every delivery and is never returned. " + RECEIVER_GUIDE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "webhook", value = ApiExamples.WEBHOOK_REQUEST)))
    @APIResponse(responseCode = "200", description = "The webhook as stored (without the secret)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "stored", value = ApiExamples.WEBHOOK_RESPONSE)))
    @APIResponse(responseCode = "400", description = "The URL or the secret is not acceptable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad url", value = ApiExamples.PROBLEM_BAD_URL)))
    public Uni<WebhookView> configure(WebhookRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a JSON object with url and secret is required");
        }
        return settings.configure(currentTenant.id(), request.url(), request.secret()).map(WebhookResource::view);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get the webhook", description = "The tenant's webhook URL; the secret is never returned.")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "stored", value = ApiExamples.WEBHOOK_RESPONSE)))
    @APIResponse(responseCode = "404", description = "No webhook is configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "none", value = """
                            {"type":"about:blank","title":"Not Found","status":404,
                             "detail":"no webhook is configured; set one with PUT /webhooks","instance":"/webhooks"}""")))
    public Uni<WebhookView> current() {
        return settings.endpoint(currentTenant.id()).map(WebhookResource::view);
    }

    @GET
    @Path("/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List webhook deliveries",
            description = "The tenant's deliveries, newest first, each with every attempt (status code or error, "
                    + "duration). Filter by session with `sessionId`.")
    @APIResponse(responseCode = "200", description = "The deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryList.class),
                    examples = @ExampleObject(name = "retried then delivered", value = ApiExamples.DELIVERIES)))
    @APIResponse(responseCode = "400", description = "A bad sessionId or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad limit", value = """
                            {"type":"about:blank","title":"Bad Request","status":400,"detail":"limit: must be 1 to 200",
                             "instance":"/webhooks/deliveries","errors":[{"field":"limit","message":"must be 1 to 200"}]}""")))
    public Uni<DeliveryList> deliveries(
            @Parameter(description = "Only this session's deliveries") @QueryParam("sessionId") String sessionId,
            @Parameter(description = "How many deliveries, 1 to 200", example = "50")
            @QueryParam("limit") @DefaultValue("50") String limitText) {
        int limit = limitOf(limitText);
        UUID session = SessionIds.parseQuery("sessionId", sessionId);
        return settings.deliveries(currentTenant.id(), session, limit).map(records -> new DeliveryList(records.stream()
                .map(r -> new DeliveryList.Delivery(r.delivery().deliveryId, r.delivery().sessionId, r.delivery().event,
                        r.delivery().url, r.delivery().status.name(), r.delivery().attempts,
                        r.delivery().lastStatusCode, r.delivery().lastError, r.delivery().createdAt,
                        r.delivery().deliveredAt, r.delivery().nextAttemptAt,
                        r.attempts().stream().map(a -> new DeliveryList.Attempt(a.attempt, a.attemptedAt,
                                a.statusCode, a.error, a.durationMs)).toList()))
                .toList()));
    }

    private static int limitOf(String text) {
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= 200) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below like an out-of-range number
        }
        throw ProblemException.badRequest("limit", "must be 1 to 200");
    }

    private static WebhookView view(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.url, endpoint.secret != null, WebhookSignature.HEADER, endpoint.updatedAt);
    }
}
