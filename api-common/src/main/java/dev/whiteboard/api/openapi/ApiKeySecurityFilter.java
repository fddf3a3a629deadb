package dev.whiteboard.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Declares the API-key scheme (and the operator secret for /admin) so generated clients send them, hides
 * the service-to-service /internal paths, and adds the responses every protected operation can give
 * (401, 429, 503) with the problem+json schema.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiKeySecurityFilter implements OASFilter {
    public static final String API_KEY_SCHEME = "ApiKey";
    public static final String OPERATOR_SCHEME = "OperatorSecret";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(API_KEY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("The platform's API key, issued by an operator. Shown once; send it on every call."));
        if (openAPI.getPaths() == null) {
            return;
        }
        List<String> internal = new ArrayList<>();
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            String path = entry.getKey();
            if (path.startsWith("/internal")) {
                internal.add(path);
                continue;
            }
            boolean admin = path.startsWith("/admin");
            if (admin) {
                components.addSecurityScheme(OPERATOR_SCHEME, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Operator-Secret")
                        .description("The operator secret from the environment (WB_OPERATOR_SECRET)."));
            }
            for (Operation operation : entry.getValue().getOperations().values()) {
                SecurityRequirement requirement = OASFactory.createSecurityRequirement()
                        .addScheme(admin ? OPERATOR_SCHEME : API_KEY_SCHEME);
                operation.setSecurity(List.of(requirement));
                addProblem(operation, "401", admin ? "The operator secret is missing or wrong"
                        : "The API key is missing, unknown, revoked or expired");
                if (!admin) {
                    addProblem(operation, "429", "The tenant's rate limit is used up; see Retry-After and RateLimit");
                }
                addProblem(operation, "503", "A component the request needs is unreachable; retry after Retry-After");
            }
        }
        internal.forEach(openAPI.getPaths()::removePathItem);
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType("application/problem+json", media);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        operation.getResponses().addAPIResponse(status, response);
    }
}
