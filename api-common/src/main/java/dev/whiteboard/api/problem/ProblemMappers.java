package dev.whiteboard.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error the REST layer meets becomes an RFC 9457 problem that names the field; nothing leaks a
 * class name or a stack trace.
 */
public class ProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.isEmpty() ? "the request is not valid"
                : errors.get(0).field() + ": " + errors.get(0).message();
        return ProblemResponses.of(new ProblemException(400, "Bad Request", detail, errors, Map.of()), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.of(fromJson(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return ProblemResponses.of(fromJson(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return ProblemResponses.of(fromJson(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return ProblemResponses.of(fromJson(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response parse(JsonParseException e, UriInfo uri) {
        return ProblemResponses.of(fromJson(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e, UriInfo uri) {
        return ProblemResponses.of(fromJson(e), path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return ProblemResponses.of(fromJson(json), path(uri));
        }
        if (cause instanceof ProblemException problem) {
            return ProblemResponses.of(problem, path(uri));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "request to %s failed", path(uri));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "the requested media type cannot be produced; ask for application/json";
            case 415 -> "the request body must be application/json";
            case 400 -> "the request is not valid";
            default -> title;
        };
        String field = status == 415 ? "Content-Type" : status == 406 ? "Accept" : null;
        return ProblemResponses.of(new ProblemException(status, title, detail, field), path(uri));
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (e instanceof IllegalArgumentException && e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        var storage = StorageFailures.problemFor(e);
        if (storage.isPresent()) {
            Log.warnf("request to %s answered %d: %s", path(uri), storage.get().status(), e.toString());
            return ProblemResponses.of(storage.get(), path(uri));
        }
        Log.errorf(e, "unexpected failure on %s", path(uri));
        return ProblemResponses.of(new ProblemException(500, "Internal Server Error",
                "the server failed to handle the request; it has been logged", null), path(uri));
    }

    static ProblemException fromJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : null;
        String message;
        if (e instanceof NulFreeStrings.NulCharacterException) {
            message = NulFreeStrings.NulCharacterException.MESSAGE;
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = field == null ? unknown.getPropertyName() : field;
            message = "unknown field";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            message = cause == null || cause.getMessage() == null ? "is not valid" : cause.getMessage();
        } else if (e instanceof InvalidFormatException invalid) {
            message = "cannot read " + describe(invalid.getValue()) + " as " + typeName(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched) {
            message = mismatched.getTargetType() == null ? "wrong type"
                    : "expected " + typeName(mismatched.getTargetType());
            if (field == null || field.isEmpty()) {
                field = "body";
                message = "the body is missing or is not a JSON " + (mismatched.getTargetType() != null
                        && (mismatched.getTargetType().isArray() || List.class.isAssignableFrom(mismatched.getTargetType()))
                        ? "array" : "object");
            }
        } else {
            field = "body";
            message = "malformed JSON";
            if (e.getLocation() != null) {
                message += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            }
        }
        if (field == null || field.isEmpty()) {
            field = "body";
        }
        return new ProblemException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return "'" + text + "'";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                values.append(values.length() == 0 ? "" : ", ").append(constant);
            }
            return "one of " + values;
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "create.request.writes" (method, parameter, property) becomes "writes"; a whole null body is "body". */
    static String fieldOf(Path propertyPath) {
        List<String> names = new ArrayList<>();
        boolean bodyParameter = false;
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                bodyParameter = true;
                names.add(node.getName());
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null) {
                name = (name == null ? "" : name) + "[" + node.getIndex() + "]";
            } else if (node.getKey() != null) {
                name = (name == null ? "" : name) + "[" + node.getKey() + "]";
            }
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        if (bodyParameter && names.size() == 1) {
            return looksLikeBody(names.get(0)) ? "body" : names.get(0);
        }
        if (bodyParameter) {
            names.remove(0);
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static boolean looksLikeBody(String parameter) {
        String p = parameter.toLowerCase(Locale.ROOT);
        return p.endsWith("request") || p.endsWith("body") || p.startsWith("arg") || p.endsWith("input")
                || p.endsWith("command");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
