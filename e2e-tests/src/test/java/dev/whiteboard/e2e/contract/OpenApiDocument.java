package dev.whiteboard.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An OpenAPI 3.x document read as JSON: its operations, and its schemas with every $ref resolved. */
final class OpenApiDocument {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Keywords that explain a schema to a reader but do not change what it accepts or returns. */
    private static final Set<String> PROSE = Set.of("description", "example", "examples", "$comment", "externalDocs");

    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    JsonNode root() {
        return root;
    }

    /** One operation with the parameters of its path item already merged in (the operation's own win). */
    record Operation(String method, String path, JsonNode node, Map<String, JsonNode> parameters) {
        String label() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Every operation keyed by its label, e.g. {@code POST /sessions}, in path order then method order. */
    Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        JsonNode paths = root.path("paths");
        paths.fieldNames().forEachRemaining(path -> {
            JsonNode item = resolveRef(paths.get(path));
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                Map<String, JsonNode> parameters = new LinkedHashMap<>();
                addParameters(item.path("parameters"), parameters);
                addParameters(operation.path("parameters"), parameters);
                Operation op = new Operation(method, path, operation, parameters);
                operations.put(op.label(), op);
            }
        });
        return operations;
    }

    private void addParameters(JsonNode list, Map<String, JsonNode> into) {
        for (JsonNode parameter : list) {
            JsonNode resolved = resolveRef(parameter);
            into.put(resolved.path("in").asText() + " " + resolved.path("name").asText(), resolved);
        }
    }

    /** Follows a $ref (of a parameter, request body or response) to what it names; anything else as it is. */
    JsonNode resolveRef(JsonNode node) {
        JsonNode current = node;
        Set<String> seen = new HashSet<>();
        while (current != null && current.has("$ref") && seen.add(current.get("$ref").asText())) {
            current = pointer(current.get("$ref").asText());
        }
        return current == null ? JsonNodeFactory.instance.missingNode() : current;
    }

    /**
     * The schema with every $ref replaced by its target (keywords beside a $ref kept, as OpenAPI 3.1 allows)
     * and prose keywords dropped, so two documents that spell one schema differently compare equal. A $ref
     * back into a schema being expanded stays a {@code {"$ref": ...}} node, which compares by name.
     */
    JsonNode expandedSchema(JsonNode schema) {
        return expand(schema, new ArrayDeque<>());
    }

    private JsonNode expand(JsonNode node, Deque<String> expanding) {
        if (node == null) {
            return JsonNodeFactory.instance.missingNode();
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(expand(element, expanding)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (node.has("$ref") && node.get("$ref").isTextual()) {
            String ref = node.get("$ref").asText();
            if (expanding.contains(ref)) {
                result.put("$ref", ref);
            } else {
                expanding.push(ref);
                JsonNode target = expand(pointer(ref), expanding);
                expanding.pop();
                if (target.isObject()) {
                    result.setAll((ObjectNode) target);
                } else {
                    result.set("$ref", node.get("$ref"));
                }
            }
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref") && !PROSE.contains(field.getKey())) {
                result.set(field.getKey(), field.getKey().equals("properties")
                        ? expandProperties(field.getValue(), expanding) : expand(field.getValue(), expanding));
            }
        });
        return result;
    }

    /** Property names are data, not keywords: a property called "description" must survive. */
    private JsonNode expandProperties(JsonNode properties, Deque<String> expanding) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        properties.fields().forEachRemaining(p -> result.set(p.getKey(), expand(p.getValue(), expanding)));
        return result;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local $refs are supported, got " + ref);
        }
        return root.at(ref.substring(1));
    }
}
