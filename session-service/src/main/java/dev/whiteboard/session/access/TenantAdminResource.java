package dev.whiteboard.session.access;

import dev.whiteboard.api.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The operator's API: tenants (platforms) and their API keys. Guarded by the operator secret. */
@Path("/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator: tenants and keys", description = "For Whiteboard's operators, with the X-Operator-Secret header")
public class TenantAdminResource {
    private static final String TENANT_EXAMPLE = """
            {"id":"t_3f9a0c12b7de","name":"Acme Prep","tier":"pro","createdAt":"2026-11-28T10:00:00Z"}""";
    private static final String KEY_EXAMPLE = """
            {"keyId":"5c1d2e3f4a5b","apiKey":"wb_5c1d2e3f4a5b_q8Zr7m2TQe0y6vJ1u9pXoA3bK5cN4dL7fG2hS8wE1iM","createdAt":"2026-11-28T10:00:00Z","expiresAt":null}""";

    private final TenantAdmin admin;

    public TenantAdminResource(TenantAdmin admin) {
        this.admin = admin;
    }

    @Schema(name = "NewTenant")
    public record NewTenant(
            @NotBlank @Size(max = 200) @Schema(description = "The platform's name", examples = "Acme Prep") String name,
            @NotBlank @Schema(description = "Rate-limit tier: free or pro", examples = "pro") String tier) {
    }

    @Schema(name = "TierChange")
    public record TierChange(@NotBlank @Schema(examples = "pro") String tier) {
    }

    @Schema(name = "Tenant")
    public record TenantView(String id, String name, String tier, Instant createdAt) {
        static TenantView of(TenantStore.TenantRow row) {
            return new TenantView(row.id(), row.name(), row.tier(), row.createdAt());
        }
    }

    @Schema(name = "ApiKey", description = "A key without its secret: the secret is shown only once, when it is issued")
    public record KeyView(String keyId, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean active) {
        static KeyView of(TenantStore.KeyRow row) {
            Instant now = Instant.now();
            return new KeyView(row.keyId(), row.createdAt(), row.expiresAt(), row.revokedAt(),
                    row.revokedAt() == null && (row.expiresAt() == null || row.expiresAt().isAfter(now)));
        }
    }

    @Schema(name = "IssuedKey", description = "A new key; `apiKey` is shown this once and stored only as a hash")
    public record IssuedKeyView(String keyId, String apiKey, Instant createdAt, Instant expiresAt) {
        static IssuedKeyView of(TenantAdmin.IssuedKey key) {
            return new IssuedKeyView(key.keyId(), key.apiKey(), key.createdAt(), key.expiresAt());
        }
    }

    @Schema(name = "KeyRotation")
    public record KeyRotation(
            @PositiveOrZero @Max(2_592_000)
            @Schema(description = "How long the old key keeps working, in seconds (default 86400, at most 30 days)",
                    examples = "86400") Long overlapSeconds) {
    }

    @POST
    @Operation(summary = "Create a tenant", description = "Creates a platform on a tier. Issue its first key next.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "pro", value = "{\"name\":\"Acme Prep\",\"tier\":\"pro\"}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TenantView.class), examples = @ExampleObject(name = "tenant", value = TENANT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is missing or the tier is unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull @Valid NewTenant request) {
        return admin.createTenant(request.name(), request.tier())
                .map(t -> Response.created(URI.create("/admin/tenants/" + t.id())).entity(TenantView.of(t)).build());
    }

    @GET
    @Operation(summary = "List tenants")
    @APIResponse(responseCode = "200", description = "Every tenant",
            content = @Content(schema = @Schema(implementation = TenantView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<TenantView>> list() {
        return admin.tenants().map(rows -> rows.stream().map(TenantView::of).toList());
    }

    @GET
    @Path("/{tenantId}")
    @Operation(summary = "Get a tenant")
    @APIResponse(responseCode = "200", description = "The tenant",
            content = @Content(schema = @Schema(implementation = TenantView.class), examples = @ExampleObject(name = "tenant", value = TENANT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> get(@PathParam("tenantId") String tenantId) {
        return admin.tenant(tenantId).map(TenantView::of);
    }

    @PUT
    @Path("/{tenantId}/tier")
    @Operation(summary = "Change a tenant's tier", description = "Takes effect on every service within 60 seconds.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "free", value = "{\"tier\":\"free\"}")))
    @APIResponse(responseCode = "200", description = "The tenant on its new tier",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "400", description = "Unknown tier",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> changeTier(@PathParam("tenantId") String tenantId, @NotNull @Valid TierChange request) {
        return admin.changeTier(tenantId, request.tier()).map(TenantView::of);
    }

    @POST
    @Path("/{tenantId}/keys")
    @Operation(summary = "Issue an API key", description = "The key is in the response this once; it is stored only as a hash.")
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class), examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(@PathParam("tenantId") String tenantId) {
        return admin.issueKey(tenantId).map(key -> Response.created(
                URI.create("/admin/tenants/" + tenantId + "/keys/" + key.keyId())).entity(IssuedKeyView.of(key)).build());
    }

    @GET
    @Path("/{tenantId}/keys")
    @Operation(summary = "List a tenant's keys", description = "Ids and dates only; secrets are never shown again.")
    @APIResponse(responseCode = "200", description = "The keys",
            content = @Content(schema = @Schema(implementation = KeyView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<KeyView>> keys(@PathParam("tenantId") String tenantId) {
        return admin.keys(tenantId).map(rows -> rows.stream().map(KeyView::of).toList());
    }

    @POST
    @Path("/{tenantId}/keys/{keyId}/rotate")
    @Operation(summary = "Rotate a key",
            description = "Issues a new key; the old one keeps working for `overlapSeconds` (default 24 h), then expires.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one hour", value = "{\"overlapSeconds\":3600}")))
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class), examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "overlapSeconds out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such active key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> rotate(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId,
                                @Valid KeyRotation request) {
        Duration overlap = request == null || request.overlapSeconds() == null ? null
                : Duration.ofSeconds(request.overlapSeconds());
        return admin.rotateKey(tenantId, keyId, overlap).map(key -> Response.created(
                URI.create("/admin/tenants/" + tenantId + "/keys/" + key.keyId())).entity(IssuedKeyView.of(key)).build());
    }

    @DELETE
    @Path("/{tenantId}/keys/{keyId}")
    @Operation(summary = "Revoke a key", description = "Every service refuses the key within 60 seconds.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revoke(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId) {
        return admin.revokeKey(tenantId, keyId).replaceWith(Response.noContent().build());
    }
}
