package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
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

/** The reference tables, served from memory with an ETag so caches can keep them. */
@Path("/reference")
@Tag(name = "Reference", description = "Numbers to estimate with: latencies and powers of two, with units and sources")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class ReferenceResource {
    static final String CACHE_CONTROL = "public, max-age=86400";

    private final CachedJson latency;
    private final CachedJson powersOfTwo;

    public ReferenceResource(ObjectMapper json) {
        this.latency = CachedJson.of(json, LatencyTable.current(), CACHE_CONTROL);
        this.powersOfTwo = CachedJson.of(json, PowersOfTwoTable.current(), CACHE_CONTROL);
    }

    @GET
    @Path("/latency")
    @Operation(summary = "Latency numbers every programmer should know",
            description = "The classic table of operation latencies (L1 cache to a transatlantic round trip) in "
                    + "nanoseconds, with a human rendering and the sources. Cacheable: send the ETag back in "
                    + "If-None-Match to get 304.")
    @APIResponse(responseCode = "200", description = "The table",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LatencyTable.class),
                    examples = @ExampleObject(name = "latency", value = ApiExamples.LATENCY)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    public Response latency(@Parameter(description = "An ETag from an earlier answer")
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return latency.respond(ifNoneMatch);
    }

    @GET
    @Path("/powers-of-two")
    @Operation(summary = "Powers of two",
            description = "Powers of two from 2^7 to 2^64, exact, with their rough decimal size and binary unit "
                    + "(2^30 is about a billion, 1 GiB). Cacheable: send the ETag back in If-None-Match to get 304.")
    @APIResponse(responseCode = "200", description = "The table",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PowersOfTwoTable.class),
                    examples = @ExampleObject(name = "powers", value = ApiExamples.POWERS)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    public Response powersOfTwo(@Parameter(description = "An ETag from an earlier answer")
                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return powersOfTwo.respond(ifNoneMatch);
    }
}
