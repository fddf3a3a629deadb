package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operations of an OpenAPI 3.x document, with every {@code $ref} the fuzzer needs resolved: paths,
 * parameters, request bodies and their schemas and examples, and which security schemes guard each one.
 */
public final class OpenApiDocument {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document in JSON", e);
        }
    }

    public static OpenApiDocument read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An input of an operation: a path, query or header parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    /**
     * One operation. {@code bodySchema} is null when it takes no body; {@code bodyExamples} are the
     * document's example bodies; {@code securitySchemes} names the schemes of which one is required
     * (empty: open); {@code produces} the media types of its successful responses.
     */
    public record Operation(String method, String path, List<Parameter> parameters, String bodyMediaType,
                            JsonNode bodySchema, boolean bodyRequired, List<JsonNode> bodyExamples,
                            Set<String> securitySchemes, Set<String> produces) {

        public String id() {
            return method.toUpperCase() + " " + path;
        }

        public boolean takesBody() {
            return bodySchema != null;
        }

        public List<Parameter> parametersIn(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        public boolean streams() {
            return produces.contains("text/event-stream");
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = resolve(path.getValue());
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation != null) {
                    operations.add(operation(method, path.getKey(), item, resolve(operation)));
                }
            }
        }
        return operations;
    }

    /** The methods the document declares for a path template. */
    public Set<String> methodsOf(String path) {
        JsonNode item = resolve(root.path("paths").path(path));
        Set<String> methods = new LinkedHashSet<>();
        for (String method : METHODS) {
            if (item.has(method)) {
                methods.add(method);
            }
        }
        return methods;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode list : new JsonNode[] {operation.path("parameters"), item.path("parameters")}) {
            for (JsonNode raw : list) {
                JsonNode p = resolve(raw);
                String key = p.path("in").asText() + ":" + p.path("name").asText();
                if (seen.add(key)) {
                    parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                            p.path("required").asBoolean(p.path("in").asText().equals("path")),
                            resolve(p.path("schema")), firstExample(p)));
                }
            }
        }
        String mediaType = null;
        JsonNode bodySchema = null;
        boolean bodyRequired = false;
        List<JsonNode> examples = new ArrayList<>();
        JsonNode body = resolve(operation.path("requestBody"));
        if (body.has("content")) {
            Iterator<Map.Entry<String, JsonNode>> contents = body.path("content").fields();
            while (contents.hasNext() && bodySchema == null) {
                Map.Entry<String, JsonNode> content = contents.next();
                mediaType = content.getKey();
                bodySchema = content.getValue().has("schema") ? resolve(content.getValue().get("schema"))
                        : JSON.createObjectNode();
                content.getValue().path("examples").forEach(e -> {
                    JsonNode example = resolve(e);
                    if (example.has("value")) {
                        examples.add(example.get("value"));
                    }
                });
                if (content.getValue().has("example")) {
                    examples.add(content.getValue().get("example"));
                }
            }
            bodyRequired = body.path("required").asBoolean(false);
        }
        return new Operation(method, path, List.copyOf(parameters), mediaType, bodySchema, bodyRequired,
                List.copyOf(examples), security(operation), produces(operation));
    }

    private Set<String> security(JsonNode operation) {
        JsonNode requirements = operation.has("security") ? operation.get("security") : root.path("security");
        Set<String> schemes = new LinkedHashSet<>();
        for (JsonNode requirement : requirements) {
            requirement.fieldNames().forEachRemaining(name -> {
                JsonNode scheme = root.path("components").path("securitySchemes").path(name);
                schemes.add(scheme.path("in").asText().equals("header") ? scheme.path("name").asText() : name);
            });
        }
        return schemes;
    }

    private Set<String> produces(JsonNode operation) {
        Set<String> types = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2")) {
                resolve(response.getValue()).path("content").fieldNames().forEachRemaining(types::add);
            }
        }
        return types;
    }

    private static JsonNode firstExample(JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.get("example");
        }
        Iterator<JsonNode> examples = parameter.path("examples").elements();
        while (examples.hasNext()) {
            JsonNode example = examples.next();
            if (example.has("value")) {
                return example.get("value");
            }
        }
        return null;
    }

    /**
     * The schema with local {@code $ref}s followed and {@code allOf} merged into one object schema, so
     * that callers see plain {@code type}, {@code properties} and {@code required}.
     */
    public JsonNode resolve(JsonNode node) {
        return resolve(node, 0);
    }

    private JsonNode resolve(JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JSON.createObjectNode();
        }
        if (depth > 32) {
            return node;
        }
        if (node.has("$ref")) {
            JsonNode target = pointer(node.get("$ref").asText()).orElse(JSON.createObjectNode());
            if (node.size() == 1) {
                return resolve(target, depth + 1);
            }
            ObjectNode merged = ((ObjectNode) resolve(target, depth + 1)).deepCopy();
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return merged;
        }
        if (node.has("allOf")) {
            ObjectNode merged = ((ObjectNode) node).deepCopy();
            merged.remove("allOf");
            ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties")
                    : merged.putObject("properties");
            ArrayNode required = merged.has("required") ? (ArrayNode) merged.get("required")
                    : merged.putArray("required");
            for (JsonNode part : node.get("allOf")) {
                JsonNode resolved = resolve(part, depth + 1);
                resolved.path("properties").fields().forEachRemaining(f -> properties.set(f.getKey(), f.getValue()));
                resolved.path("required").forEach(required::add);
                if (!merged.has("type") && resolved.has("type")) {
                    merged.set("type", resolved.get("type"));
                }
            }
            return merged;
        }
        return node;
    }

    private Optional<JsonNode> pointer(String ref) {
        if (!ref.startsWith("#")) {
            return Optional.empty();
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? Optional.empty() : Optional.of(target);
    }
}
