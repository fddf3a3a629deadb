package dev.whiteboard.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the OpenAPI document committed in openapi/ with the one a service serves, operation by operation:
 * which operations were added or removed, and for each operation in both its parameters, request body,
 * responses (status codes, media types, headers, schemas after resolving $refs) and security. Each
 * difference is one line that starts with the operation, e.g.
 * {@code POST /sessions: response 201 schema differs at properties.state: committed ..., served ...}.
 * When the operations agree, the rest of the document (summaries, descriptions, examples, components, info)
 * must agree too, apart from {@code servers}, which depends on where the service was built.
 */
final class ContractComparison {
    private static final int SHOWN_PER_SCHEMA = 5;
    private static final int SHOWN_FOR_DOCUMENT = 10;
    private static final Comparator<OpenApiDocument.Operation> OPERATION_ORDER = Comparator
            .comparing(OpenApiDocument.Operation::path)
            .thenComparing(op -> OpenApiDocument.METHODS.indexOf(op.method()));

    private final OpenApiDocument committed;
    private final OpenApiDocument served;
    private final List<String> lines = new ArrayList<>();

    private ContractComparison(JsonNode committed, JsonNode served) {
        this.committed = new OpenApiDocument(committed);
        this.served = new OpenApiDocument(served);
    }

    /** Every difference, one line each; empty when the served document matches the committed one. */
    static List<String> differences(JsonNode committed, JsonNode served) {
        ContractComparison comparison = new ContractComparison(committed, served);
        comparison.compareOperations();
        if (comparison.lines.isEmpty()) {
            comparison.compareRestOfDocument();
        }
        return List.copyOf(comparison.lines);
    }

    private void compareOperations() {
        Map<String, OpenApiDocument.Operation> mine = committed.operations();
        Map<String, OpenApiDocument.Operation> theirs = served.operations();
        TreeMap<OpenApiDocument.Operation, String> all = new TreeMap<>(OPERATION_ORDER);
        mine.values().forEach(op -> all.put(op, op.label()));
        theirs.values().forEach(op -> all.putIfAbsent(op, op.label()));
        for (String label : all.values()) {
            OpenApiDocument.Operation before = mine.get(label);
            OpenApiDocument.Operation after = theirs.get(label);
            if (after == null) {
                lines.add(label + ": removed (in the committed document, not served)");
            } else if (before == null) {
                lines.add(label + ": added (served, not in the committed document)");
            } else {
                compareOperation(label, before, after);
            }
        }
    }

    private void compareOperation(String label, OpenApiDocument.Operation before, OpenApiDocument.Operation after) {
        compareParameters(label, before.parameters(), after.parameters());
        compareRequestBody(label, committed.resolveRef(before.node().path("requestBody")),
                served.resolveRef(after.node().path("requestBody")));
        compareResponses(label, before.node().path("responses"), after.node().path("responses"));
        JsonNode securityBefore = security(committed, before);
        JsonNode securityAfter = security(served, after);
        if (!securityBefore.equals(securityAfter)) {
            lines.add(label + ": security differs: committed " + securityBefore + ", served " + securityAfter);
        }
    }

    private void compareParameters(String label, Map<String, JsonNode> before, Map<String, JsonNode> after) {
        for (String key : union(before.keySet(), after.keySet())) {
            JsonNode mine = before.get(key);
            JsonNode theirs = after.get(key);
            String name = "parameter " + key;
            if (theirs == null) {
                lines.add(label + ": " + name + " removed");
            } else if (mine == null) {
                lines.add(label + ": " + name + " added");
            } else {
                boolean requiredBefore = mine.path("required").asBoolean(false);
                boolean requiredAfter = theirs.path("required").asBoolean(false);
                if (requiredBefore != requiredAfter) {
                    lines.add(label + ": " + name + " required differs: committed " + requiredBefore
                            + ", served " + requiredAfter);
                }
                compareSchemas(label, name + " schema", mine.path("schema"), theirs.path("schema"));
            }
        }
    }

    private void compareRequestBody(String label, JsonNode before, JsonNode after) {
        if (before.isMissingNode() && after.isMissingNode()) {
            return;
        }
        if (after.isMissingNode()) {
            lines.add(label + ": request body removed");
        } else if (before.isMissingNode()) {
            lines.add(label + ": request body added");
        } else {
            boolean requiredBefore = before.path("required").asBoolean(false);
            boolean requiredAfter = after.path("required").asBoolean(false);
            if (requiredBefore != requiredAfter) {
                lines.add(label + ": request body required differs: committed " + requiredBefore
                        + ", served " + requiredAfter);
            }
            compareContent(label, "request body", before.path("content"), after.path("content"));
        }
    }

    private void compareResponses(String label, JsonNode before, JsonNode after) {
        for (String status : union(names(before), names(after))) {
            String name = "response " + status;
            if (!after.has(status)) {
                lines.add(label + ": " + name + " removed");
            } else if (!before.has(status)) {
                lines.add(label + ": " + name + " added");
            } else {
                JsonNode mine = committed.resolveRef(before.get(status));
                JsonNode theirs = served.resolveRef(after.get(status));
                compareContent(label, name, mine.path("content"), theirs.path("content"));
                compareHeaders(label, name, mine.path("headers"), theirs.path("headers"));
            }
        }
    }

    private void compareContent(String label, String name, JsonNode before, JsonNode after) {
        TreeSet<String> mediaTypes = union(names(before), names(after));
        for (String mediaType : mediaTypes) {
            if (!after.has(mediaType)) {
                lines.add(label + ": " + name + " media type " + mediaType + " removed");
            } else if (!before.has(mediaType)) {
                lines.add(label + ": " + name + " media type " + mediaType + " added");
            } else {
                String schemaName = mediaTypes.size() == 1 ? name + " schema" : name + " (" + mediaType + ") schema";
                compareSchemas(label, schemaName, before.get(mediaType).path("schema"), after.get(mediaType).path("schema"));
            }
        }
    }

    private void compareHeaders(String label, String name, JsonNode before, JsonNode after) {
        for (String header : union(names(before), names(after))) {
            if (!after.has(header)) {
                lines.add(label + ": " + name + " header " + header + " removed");
            } else if (!before.has(header)) {
                lines.add(label + ": " + name + " header " + header + " added");
            } else {
                compareSchemas(label, name + " header " + header + " schema",
                        committed.resolveRef(before.get(header)).path("schema"),
                        served.resolveRef(after.get(header)).path("schema"));
            }
        }
    }

    private void compareSchemas(String label, String name, JsonNode before, JsonNode after) {
        List<JsonDifference> differences = JsonDifference.between(committed.expandedSchema(before),
                served.expandedSchema(after));
        differences.stream().limit(SHOWN_PER_SCHEMA)
                .forEach(d -> lines.add(label + ": " + name + " differs at " + d.describe()));
        if (differences.size() > SHOWN_PER_SCHEMA) {
            lines.add(label + ": " + name + " differs at " + (differences.size() - SHOWN_PER_SCHEMA) + " more places");
        }
    }

    private void compareRestOfDocument() {
        List<JsonDifference> differences = JsonDifference.between(withoutServers(committed.root()),
                withoutServers(served.root()));
        differences.stream().limit(SHOWN_FOR_DOCUMENT)
                .forEach(d -> lines.add("document differs outside the operations' contract at " + d.describe()));
        if (differences.size() > SHOWN_FOR_DOCUMENT) {
            lines.add("document differs at " + (differences.size() - SHOWN_FOR_DOCUMENT) + " more places");
        }
    }

    private static JsonNode security(OpenApiDocument document, OpenApiDocument.Operation operation) {
        JsonNode own = operation.node().get("security");
        JsonNode effective = own != null ? own : document.root().get("security");
        return effective == null ? JsonNodeFactory.instance.arrayNode() : effective;
    }

    private static JsonNode withoutServers(JsonNode root) {
        ObjectNode copy = root.deepCopy();
        copy.remove("servers");
        return copy;
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static TreeSet<String> union(Collection<String> a, Collection<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
