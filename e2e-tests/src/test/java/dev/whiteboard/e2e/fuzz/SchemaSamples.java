package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Values that satisfy a JSON schema, as far as a schema can tell: the starting point that the fuzzer
 * breaks one part of, so that a request fails for one reason at a time. Examples in the document win
 * half of the time; URLs always point at a closed port on 127.0.0.1, so no generated webhook leaves
 * this machine.
 */
public final class SchemaSamples {
    /** A loopback address whose port nothing listens on (the discard service). */
    public static final String SAFE_URL = "http://127.0.0.1:9/fuzz";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz ";

    private final OpenApiDocument document;

    public SchemaSamples(OpenApiDocument document) {
        this.document = document;
    }

    public JsonNode sample(JsonNode schema, Random random) {
        return sample(schema, null, random, 0);
    }

    /** The first type a schema allows other than null (OpenAPI 3.1 allows a list of types). */
    public String typeOf(JsonNode schema) {
        JsonNode resolved = document.resolve(schema);
        JsonNode type = resolved.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type != null) {
            return type.asText();
        }
        if (resolved.has("properties")) {
            return "object";
        }
        if (resolved.has("items")) {
            return "array";
        }
        return "";
    }

    private JsonNode sample(JsonNode rawSchema, String name, Random random, int depth) {
        JsonNode schema = document.resolve(rawSchema);
        JsonNode example = exampleOf(schema);
        if (example != null && random.nextBoolean() && !looksLikeUrl(name, schema)) {
            return example.deepCopy();
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && schema.get(choice).size() > 0) {
                JsonNode options = schema.get(choice);
                return sample(options.get(random.nextInt(options.size())), name, random, depth + 1);
            }
        }
        if (schema.has("const")) {
            return schema.get("const").deepCopy();
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, random, depth);
            case "array" -> array(schema, name, random, depth);
            case "string" -> NODES.textNode(string(schema, name, random));
            case "integer" -> NODES.numberNode(integer(schema, random));
            case "number" -> NODES.numberNode(number(schema, random));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            default -> example != null ? example.deepCopy() : NODES.textNode(word(random, 8));
        };
    }

    private JsonNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > MAX_DEPTH) {
            return object;
        }
        Set<String> required = requiredOf(schema);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode propertySchema = document.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            if (required.contains(property.getKey()) || random.nextInt(10) < 6) {
                object.set(property.getKey(), sample(propertySchema, property.getKey(), random, depth + 1));
            }
        }
        return object;
    }

    public Set<String> requiredOf(JsonNode schema) {
        Set<String> required = new java.util.LinkedHashSet<>();
        document.resolve(schema).path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private JsonNode array(JsonNode schema, String name, Random random, int depth) {
        ArrayNode array = NODES.arrayNode();
        if (depth > MAX_DEPTH) {
            return array;
        }
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(min + 3);
        int size = min + random.nextInt(Math.max(1, Math.min(max, min + 3) - min + 1));
        for (int i = 0; i < size; i++) {
            array.add(sample(schema.path("items"), name, random, depth + 1));
        }
        return array;
    }

    private String string(JsonNode schema, String name, Random random) {
        if (looksLikeUrl(name, schema)) {
            return SAFE_URL;
        }
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time":
                return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)).toString();
            case "date":
                return "2026-11-" + (10 + random.nextInt(18));
            case "email":
                return word(random, 6).replace(' ', 'x') + "@example.com";
            default:
                break;
        }
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(min + 24);
        int length = min + random.nextInt(Math.max(1, Math.min(max, min + 24) - min + 1));
        return word(random, Math.max(1, length));
    }

    private static long integer(JsonNode schema, Random random) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong() : 1;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            min = schema.get("exclusiveMinimum").asLong() + 1;
        }
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : min + 1000;
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            max = schema.get("exclusiveMaximum").asLong() - 1;
        }
        max = Math.min(max, min + 1000);
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min));
    }

    private static double number(JsonNode schema, Random random) {
        double min = schema.has("minimum") ? schema.get("minimum").asDouble()
                : schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()
                ? schema.get("exclusiveMinimum").asDouble() + 0.001 : 0.5;
        double max = schema.has("maximum") ? schema.get("maximum").asDouble()
                : schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()
                ? schema.get("exclusiveMaximum").asDouble() - 0.001 : min + 1000;
        max = Math.min(max, min + 1000);
        return max <= min ? min : min + random.nextDouble() * (max - min);
    }

    private static JsonNode exampleOf(JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        return null;
    }

    private boolean looksLikeUrl(String name, JsonNode schema) {
        String format = schema.path("format").asText("");
        return format.equals("uri") || format.equals("url")
                || (name != null && name.toLowerCase(Locale.ROOT).contains("url") && typeOf(schema).equals("string"));
    }

    /** Lower-case letters and spaces, starting with a letter so that it is never blank. */
    static String word(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        out.append(LETTERS.charAt(random.nextInt(LETTERS.length() - 1)));
        for (int i = 1; i < length; i++) {
            out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return out.toString();
    }

    /** The example values of a parameter, schema first; empty when the document gives none. */
    static List<JsonNode> examplesOf(OpenApiDocument.Parameter parameter) {
        List<JsonNode> values = new ArrayList<>();
        if (parameter.example() != null) {
            values.add(parameter.example());
        }
        JsonNode schemaExample = exampleOf(parameter.schema());
        if (schemaExample != null) {
            values.add(schemaExample);
        }
        return values;
    }
}
