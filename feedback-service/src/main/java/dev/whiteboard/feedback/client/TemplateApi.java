package dev.whiteboard.feedback.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** session-service's template versions, for Whiteboard's own services (decision 0004's template JSON). */
@RegisterRestClient(configKey = "session-templates")
@Path("/internal/templates")
interface TemplateApi {

    /** {@code version} is a number, or {@code latest}. */
    @GET
    @Path("/{id}/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> version(@PathParam("id") String id, @PathParam("version") String version,
                        @HeaderParam("X-Internal-Token") String internalToken);
}
