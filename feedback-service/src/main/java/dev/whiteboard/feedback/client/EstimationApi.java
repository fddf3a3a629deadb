package dev.whiteboard.feedback.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** estimation-service's grading of a candidate's figures. */
@RegisterRestClient(configKey = "estimation")
@Path("/estimates")
interface EstimationApi {

    /** Body: the estimate inputs' fields plus {@code candidate}; answer: {@code {convention, grades: [...]}}. */
    @POST
    @Path("/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> grade(String body, @HeaderParam("X-Internal-Token") String internalToken);
}
