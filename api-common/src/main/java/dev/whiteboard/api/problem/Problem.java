package dev.whiteboard.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem details body; {@code errors} names the fields that were wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details. `errors` names each field that was wrong.")
public record Problem(
        @Schema(description = "A URI reference that identifies the problem type", examples = "about:blank") String type,
        @Schema(description = "Short summary of the problem type", examples = "Bad Request") String title,
        @Schema(description = "HTTP status code", examples = "400") int status,
        @Schema(description = "Explanation specific to this occurrence", examples = "writes must be greater than 0") String detail,
        @Schema(description = "The request path", examples = "/estimates") String instance,
        @Schema(description = "The fields that were wrong") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field, or the parameter or header name", examples = "writes") String field,
            @Schema(description = "What is wrong with it", examples = "must be greater than 0") String message) {
    }
}
