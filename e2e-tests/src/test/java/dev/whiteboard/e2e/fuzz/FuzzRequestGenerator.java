package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates bad requests for the operations of an OpenAPI document. Each request starts from one the
 * schema accepts and breaks one thing about it (a field's type, a number, the JSON itself, a header, a
 * path segment, the key...), so that every check answers for a single kind of mistake. Request
 * {@code i} depends only on the seed, {@code i} and the identifiers learnt before the campaign.
 */
public final class FuzzRequestGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String SLOT = "zqxFUZZSLOTxqz";
    private static final String QUOTED_SLOT = "\"" + SLOT + "\"";
    private static final List<String> OTHER_METHODS = List.of("get", "post", "put", "delete", "patch");

    static final List<String> HUGE_NUMBERS = List.of("1e308", "-1e308", "1e309", "-1e309", "1E400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "2147483648", "-2147483649", "4294967296", "1e-400", "4.9e-324", "1.7976931348623157e308",
            "123456789012345678901234567890.123456789", "1" + "0".repeat(900), "1" + "0".repeat(1500),
            "1e1000000", "1e-1000000", "0.1e2147483647", "1e2147483648");
    static final List<String> NEGATIVE_NUMBERS = List.of("-1", "-0", "-0.0", "-1e-9", "-100", "-2147483648",
            "-9223372036854775808", "-0.5", "0", "0.0");
    static final List<String> NON_FINITE_LITERALS = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "+1",
            "0x10", "01", ".5", "1.", "1e", "--1", "1_000", "-NaN", "undefined");
    /** JSON string literals, escapes included, that are valid JSON but awkward for what stores or shows them. */
    static final List<String> ODD_STRINGS = List.of("\"\\u0000\"", "\"text\\u0000with a NUL\"", "\"\\ud800\"",
            "\"\\udfff low surrogate alone\"", "\"\\u202e right to left\"", "\"\\ufeff byte order mark\"",
            "\"\uD83D\uDE00 emoji \uD835\uDD18\uD835\uDD2B\"", "\"\\u0007\\u0008\\u001b[31m ansi\"",
            "\"' OR '1'='1\"", "\"'; DROP TABLE sessions; --\"", "\"${jndi:ldap://127.0.0.1:9/a}\"",
            "\"{{7*7}} #{7*7} ${7*7}\"", "\"<script>alert(1)</script>\"", "\"%00%2e%2e%2f\"",
            "\"../../etc/passwd\"", "\" \"", "\"\"", "\"\\t\\n\\r\"", "\"null\"", "\"true\"", "\"-1\"", "\"1e309\"",
            "\"NaN\"", "\"Infinity\"", "\"\\\\\"", "\"\\u2028\\u2029\"", "\"\u01c5\u0130\u00df\"",
            "\"" + "\\u0301".repeat(200) + "\"", "\"\\\"quoted\\\"\"");
    private static final List<byte[]> NON_UTF8_SEQUENCES = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF4, (byte) 0x90,
                    (byte) 0x80, (byte) 0x80});
    static final List<String> PATH_INJECTIONS = List.of("..", "../..", "%2e%2e", "%2e%2e%2f%2e%2e",
            "..%2f..%2fetc%2fpasswd", "%00", "abc%00def", "%252e%252e", "%c0%ae%c0%ae", "%ff", "%2F", "%5c..%5c",
            "%27%3B%20DROP%20TABLE%20sessions%3B--", "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%3A9%2Fa%7D",
            "%E2%80%AE", "-1", "0", "99999999999999999999999", "00000000-0000-0000-0000-000000000000",
            "%7B00000000-0000-0000-0000-000000000000%7D", "null", "undefined", "%20", "%0d%0aX-Injected:%201",
            "..;", ";jsessionid=x", "*", "~", ".", "%2e", "default%00", "default%2f..", "a%3Fb%3Dc", "%23frag");
    private static final List<String> PATH_SUFFIXES = List.of("/../../q/health", "/%2e%2e/%2e%2e/admin/tenants",
            "/..%2f..%2finternal%2ftemplates", "/%00", "//", "/.", "/unknown-segment", "?", "/;x=1");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16",
            "application/json; charset=ebcdic", "garbage", "application/jsonx", "*/*", "application/",
            "application/problem+json", "text/json", "");
    private static final List<String> BAD_KEYS = List.of("wb_x_y", "wb__", "wb_" + "a".repeat(2000),
            "not-a-key", "Bearer abc", " ", "wb_\u00e9\u00e8_\u00ff", "wb_00000000_00000000000000000000",
            "' OR '1'='1", "%00");

    /** Values a caller authenticates with, and which must never come back in a body. */
    public record Credentials(String apiKey, String operatorSecret, String internalToken) {
    }

    private final OpenApiDocument document;
    private final SchemaSamples samples;
    private final List<OpenApiDocument.Operation> operations;
    private final long seed;
    private final Credentials credentials;
    private final Map<String, List<String>> knownIds = new ConcurrentHashMap<>();

    public FuzzRequestGenerator(OpenApiDocument document, long seed, Credentials credentials) {
        this.document = document;
        this.samples = new SchemaSamples(document);
        this.operations = document.operations();
        this.seed = seed;
        this.credentials = credentials;
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("the document declares no operation");
        }
    }

    public List<OpenApiDocument.Operation> operations() {
        return operations;
    }

    /**
     * Valid requests to the operations that create something at a collection path (POST without a path
     * parameter), so that their responses' identifiers can be {@link #learn learnt} before the campaign.
     */
    public List<FuzzRequest> creations() {
        List<FuzzRequest> requests = new ArrayList<>();
        for (OpenApiDocument.Operation operation : operations) {
            if (operation.method().equals("post") && !operation.path().contains("{")) {
                requests.add(build(-1, operation, FuzzCase.VALID, new Random(seed)));
            }
        }
        return requests;
    }

    /**
     * Remembers the identifier in a creation's response for the path parameter that follows the
     * collection path, for example an {@code id} from {@code POST /sessions} for {@code /sessions/{id}}.
     */
    public void learn(FuzzRequest creation, JsonNode response) {
        String collection = creation.pathAndQuery().split("\\?")[0];
        for (OpenApiDocument.Operation operation : operations) {
            Matcher parameter = PATH_PARAMETER.matcher(operation.path());
            if (!operation.path().startsWith(collection + "/{") || !parameter.find(collection.length())) {
                continue;
            }
            String name = parameter.group(1);
            JsonNode id = response.has(name) ? response.get(name) : response.get("id");
            if (id != null && id.isValueNode()) {
                List<String> ids = knownIds.computeIfAbsent(collection + "/{" + name + "}", k -> new ArrayList<>());
                synchronized (ids) {
                    if (!ids.contains(id.asText())) {
                        ids.add(id.asText());
                    }
                }
            }
        }
    }

    public FuzzRequest generate(long index) {
        Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
        OpenApiDocument.Operation operation = operations.get((int) (index % operations.size()));
        return build(index, operation, chooseCase(operation, random), random);
    }

    private FuzzCase chooseCase(OpenApiDocument.Operation operation, Random random) {
        List<FuzzCase> candidates = Arrays.stream(FuzzCase.values()).filter(c -> c.appliesTo(operation)).toList();
        int total = candidates.stream().mapToInt(FuzzCase::weight).sum();
        int pick = random.nextInt(total);
        for (FuzzCase candidate : candidates) {
            pick -= candidate.weight();
            if (pick < 0) {
                return candidate;
            }
        }
        return FuzzCase.VALID;
    }

    private FuzzRequest build(long index, OpenApiDocument.Operation operation, FuzzCase fuzzCase, Random random) {
        List<FuzzRequest.Header> headers = new ArrayList<>();
        String method = operation.method();
        if (fuzzCase == FuzzCase.WRONG_METHOD) {
            Set<String> declared = document.methodsOf(operation.path());
            List<String> others = OTHER_METHODS.stream().filter(m -> !declared.contains(m)).toList();
            method = others.isEmpty() ? "patch" : others.get(random.nextInt(others.size()));
        }
        String path = path(operation, fuzzCase, random) + query(operation, fuzzCase, random);
        authenticate(operation, method, fuzzCase, index < 0, random, headers);
        documentedHeaders(operation, random, headers);
        byte[] body = null;
        if (operation.takesBody() && !method.equals("get") && !method.equals("delete")) {
            body = body(operation, fuzzCase, index < 0, random, headers);
        }
        if (fuzzCase == FuzzCase.BAD_HEADERS) {
            badHeaders(random, headers);
        } else if (random.nextInt(4) == 0) {
            headers.add(new FuzzRequest.Header("Accept", random.nextBoolean() ? "application/json" : "*/*"));
        }
        return new FuzzRequest(index, operation.id(), fuzzCase, method.toUpperCase(Locale.ROOT), path,
                List.copyOf(headers), body);
    }

    private String path(OpenApiDocument.Operation operation, FuzzCase fuzzCase, Random random) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        int injected = fuzzCase == FuzzCase.PATH_INJECTION && !spans.isEmpty() ? random.nextInt(spans.size()) : -1;
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String template = operation.path().substring(0, span[1]);
            String name = operation.path().substring(span[0] + 1, span[1] - 1);
            out.append(operation.path(), last, span[0]);
            out.append(i == injected ? injectedSegment(random) : validSegment(operation, template, name, random));
            last = span[1];
        }
        out.append(operation.path().substring(last));
        if (fuzzCase == FuzzCase.PATH_INJECTION && (spans.isEmpty() || random.nextInt(4) == 0)) {
            out.append(PATH_SUFFIXES.get(random.nextInt(PATH_SUFFIXES.size())));
        }
        return out.toString();
    }

    private String validSegment(OpenApiDocument.Operation operation, String template, String name, Random random) {
        List<String> ids = knownIds.getOrDefault(template, List.of());
        if (!ids.isEmpty() && random.nextInt(10) < 7) {
            synchronized (ids) {
                return encode(ids.get(random.nextInt(ids.size())));
            }
        }
        OpenApiDocument.Parameter parameter = operation.parametersIn("path").stream()
                .filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (parameter != null && !SchemaSamples.examplesOf(parameter).isEmpty() && random.nextBoolean()) {
            return encode(SchemaSamples.examplesOf(parameter).get(0).asText());
        }
        if (parameter != null && !samples.typeOf(parameter.schema()).isEmpty()) {
            JsonNode value = samples.sample(parameter.schema(), random);
            return encode(value.isTextual() ? value.asText() : value.toString());
        }
        return uuid(random);
    }

    private static String injectedSegment(Random random) {
        if (random.nextInt(6) == 0) {
            int length = 300 + random.nextInt(2700);
            return random.nextBoolean() ? "a".repeat(length) : "%41".repeat(length / 3);
        }
        return PATH_INJECTIONS.get(random.nextInt(PATH_INJECTIONS.size()));
    }

    private String query(OpenApiDocument.Operation operation, FuzzCase fuzzCase, Random random) {
        List<String> pairs = new ArrayList<>();
        List<OpenApiDocument.Parameter> parameters = operation.parametersIn("query");
        int broken = fuzzCase == FuzzCase.BAD_QUERY && !parameters.isEmpty() ? random.nextInt(parameters.size()) : -1;
        for (int i = 0; i < parameters.size(); i++) {
            OpenApiDocument.Parameter parameter = parameters.get(i);
            if (i == broken) {
                pairs.add(encode(parameter.name()) + "=" + badQueryValue(parameter, random));
            } else if (parameter.required() || random.nextInt(10) < 4) {
                JsonNode value = samples.sample(parameter.schema(), random);
                pairs.add(encode(parameter.name()) + "=" + encode(value.isTextual() ? value.asText() : value.toString()));
            }
        }
        if (fuzzCase == FuzzCase.BAD_QUERY) {
            switch (random.nextInt(4)) {
                case 0 -> pairs.add("unknown=" + encode(SchemaSamples.word(random, 10)));
                case 1 -> pairs.add("x=" + "b".repeat(1500));
                case 2 -> pairs.addAll(pairs.isEmpty() ? List.of("a=1", "a=2") : List.of(pairs.get(0), pairs.get(0)));
                default -> pairs.add("%00=%00&=&&==");
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String badQueryValue(OpenApiDocument.Parameter parameter, Random random) {
        String type = samples.typeOf(parameter.schema());
        List<String> values = type.equals("integer") || type.equals("number")
                ? List.of("abc", "-1", "99999999999999999999", "1e3", "NaN", "", "0x10", "1.5", "%00")
                : List.of("", "%00", "%27%22", "a".repeat(2000), "UNKNOWN_VALUE", "%FF%FE", "-1", "null",
                "!!!not-base64!!!", "..%2f..");
        return values.get(random.nextInt(values.size()));
    }

    /** Adds the credentials the operation needs (always for a creation, whose answer is learnt from). */
    private void authenticate(OpenApiDocument.Operation operation, String method, FuzzCase fuzzCase, boolean creation,
                              Random random, List<FuzzRequest.Header> headers) {
        boolean operator = operation.securitySchemes().contains("X-Operator-Secret");
        boolean internal = operation.path().startsWith("/internal/");
        if (fuzzCase == FuzzCase.NO_KEY) {
            return;
        }
        if (fuzzCase == FuzzCase.BAD_KEY) {
            String bad = BAD_KEYS.get(random.nextInt(BAD_KEYS.size()));
            headers.add(new FuzzRequest.Header(operator ? "X-Operator-Secret" : internal ? "X-Internal-Token"
                    : "X-API-Key", bad));
            return;
        }
        if (operator) {
            // Revocations with the real secret could remove keys the campaign itself uses.
            if (!method.equals("delete") && (creation || random.nextBoolean())) {
                headers.add(new FuzzRequest.Header("X-Operator-Secret", credentials.operatorSecret()));
            }
            return;
        }
        if (internal && (creation || random.nextInt(10) < 6)) {
            headers.add(new FuzzRequest.Header("X-Internal-Token", credentials.internalToken()));
            return;
        }
        headers.add(new FuzzRequest.Header("X-API-Key", credentials.apiKey()));
    }

    private void documentedHeaders(OpenApiDocument.Operation operation, Random random, List<FuzzRequest.Header> headers) {
        for (OpenApiDocument.Parameter parameter : operation.parametersIn("header")) {
            if (parameter.name().equalsIgnoreCase("X-API-Key") || !(parameter.required() || random.nextInt(3) == 0)) {
                continue;
            }
            String value = parameter.name().equalsIgnoreCase("Idempotency-Key") ? uuid(random)
                    : parameter.name().equalsIgnoreCase("If-Match") ? "\"" + random.nextInt(5) + "\""
                    : samples.sample(parameter.schema(), random).asText();
            headers.add(new FuzzRequest.Header(parameter.name(), value));
        }
    }

    private byte[] body(OpenApiDocument.Operation operation, FuzzCase fuzzCase, boolean creation, Random random,
                        List<FuzzRequest.Header> headers) {
        String mediaType = operation.bodyMediaType() == null ? "application/json" : operation.bodyMediaType();
        JsonNode valid = validBody(operation, creation, random);
        String text = write(valid);
        byte[] body;
        switch (fuzzCase) {
            case WRONG_TYPE -> body = mutateSlot(valid, random, this::wrongType);
            case MISSING_REQUIRED -> body = utf8(write(withoutRequired(operation, valid, random)));
            case EXTRA_FIELD -> body = utf8(write(withExtraField(valid, random)));
            case NULL_VALUE -> body = mutateSlot(valid, random, (current, r) -> "null");
            case HUGE_NUMBER -> body = mutateSlot(valid, random, (current, r) -> pick(HUGE_NUMBERS, r));
            case NEGATIVE_NUMBER -> body = mutateSlot(valid, random, (current, r) -> pick(NEGATIVE_NUMBERS, r));
            case NON_FINITE_LITERAL -> body = mutateSlot(valid, random, (current, r) -> pick(NON_FINITE_LITERALS, r));
            case ODD_STRING -> body = mutateSlot(valid, random, (current, r) -> pick(ODD_STRINGS, r));
            case LONG_STRING -> body = mutateSlot(valid, random, FuzzRequestGenerator::longString);
            case NON_UTF8 -> body = nonUtf8(valid, random);
            case MALFORMED_JSON -> body = malformed(text, random);
            case WRONG_ROOT -> body = utf8(pick(List.of("[]", "null", "1", "\"text\"", "true", "[" + text + "]",
                    "{}", "[{}]"), random));
            case DEEP_NESTING -> body = deepNesting(valid, random);
            case EMPTY_BODY -> body = new byte[0];
            case OVERSIZED_BODY -> body = utf8("{\"padding\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}");
            default -> body = utf8(text);
        }
        if (fuzzCase == FuzzCase.WRONG_CONTENT_TYPE) {
            String type = pick(CONTENT_TYPES, random);
            if (!type.isEmpty()) {
                headers.add(new FuzzRequest.Header("Content-Type", type));
            }
        } else if (!(fuzzCase == FuzzCase.EMPTY_BODY && random.nextBoolean())) {
            headers.add(new FuzzRequest.Header("Content-Type", mediaType));
        }
        return body;
    }

    private JsonNode validBody(OpenApiDocument.Operation operation, boolean creation, Random random) {
        if (!operation.bodyExamples().isEmpty() && (creation || random.nextInt(3) == 0)) {
            JsonNode example = operation.bodyExamples().get(random.nextInt(operation.bodyExamples().size())).deepCopy();
            return withSafeUrls(example);
        }
        return samples.sample(operation.bodySchema(), random);
    }

    /** Example bodies may name real hosts; the fuzzer only ever points URLs at 127.0.0.1. */
    private static JsonNode withSafeUrls(JsonNode node) {
        if (node.isTextual() && node.asText().matches("(?i)^https?://.*")) {
            return NODES.textNode(SchemaSamples.SAFE_URL);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, withSafeUrls(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withSafeUrls(array.get(i)));
            }
        }
        return node;
    }

    /** Where in a body a value can be replaced: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int element) {
        JsonNode current() {
            return field != null ? parent.get(field) : parent.get(element);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(element, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    private interface RawValue {
        String replace(JsonNode current, Random random);
    }

    /**
     * Puts a raw JSON text (which may be invalid JSON, such as NaN) in place of one value of the body; a
     * body with no field at all gets a field for it.
     */
    private static byte[] mutateSlot(JsonNode valid, Random random, RawValue raw) {
        JsonNode root = valid.deepCopy();
        List<Slot> slots = slots(root);
        String replacement;
        if (slots.isEmpty()) {
            replacement = raw.replace(NODES.nullNode(), random);
            if (!(root instanceof ObjectNode)) {
                return utf8(replacement);
            }
            ((ObjectNode) root).put("value", SLOT);
        } else {
            Slot slot = slots.get(random.nextInt(slots.size()));
            replacement = raw.replace(slot.current(), random);
            slot.set(NODES.textNode(SLOT));
        }
        return utf8(write(root).replace(QUOTED_SLOT, replacement));
    }

    private String wrongType(JsonNode current, Random random) {
        List<String> options = new ArrayList<>(List.of("\"text\"", "true", "{}", "[]", "12", "-3.5", "[1,2]",
                "{\"nested\":1}", "\"12abc\"", "\"\""));
        if (current != null) {
            String original = write(current);
            options.removeIf(o -> o.equals(original));
            if (current.isNumber()) {
                options.add("\"" + current.asText() + "\"");
            } else if (current.isTextual()) {
                options.add("[" + original + "]");
            }
        }
        return pick(options, random);
    }

    private static String longString(JsonNode current, Random random) {
        int length = pick(List.of(256, 1_000, 10_000, 100_000, 600_000), random);
        String unit = pick(List.of("a", "\u00e9", "\uD83D\uDE00", "ab ", "\\n"), random);
        return "\"" + unit.repeat(Math.max(1, length / unit.length())) + "\"";
    }

    private JsonNode withoutRequired(OpenApiDocument.Operation operation, JsonNode valid, Random random) {
        JsonNode root = valid.deepCopy();
        if (!(root instanceof ObjectNode object)) {
            return NODES.objectNode();
        }
        List<String> required = new ArrayList<>(samples.requiredOf(operation.bodySchema()));
        required.removeIf(name -> !object.has(name));
        if (required.isEmpty()) {
            List<String> present = new ArrayList<>();
            object.fieldNames().forEachRemaining(present::add);
            if (present.isEmpty()) {
                return object;
            }
            required = present;
        }
        if (random.nextInt(4) == 0) {
            required.forEach(object::remove);
        } else {
            object.remove(required.get(random.nextInt(required.size())));
        }
        return object;
    }

    private static JsonNode withExtraField(JsonNode valid, Random random) {
        JsonNode root = valid.deepCopy();
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        if (objects.isEmpty()) {
            ObjectNode wrapper = NODES.objectNode();
            wrapper.set("value", root);
            wrapper.put("unexpected", "field");
            return wrapper;
        }
        ObjectNode target = (ObjectNode) objects.get(random.nextInt(objects.size()));
        switch (random.nextInt(4)) {
            case 0 -> target.put("unexpectedField", "surprise");
            case 1 -> target.put("__proto__", "{}");
            case 2 -> target.putObject("tenantId").put("id", "someone-else");
            default -> target.put("id", uuid(random));
        }
        return root;
    }

    private static void collectObjects(JsonNode node, List<JsonNode> objects) {
        if (node instanceof ObjectNode) {
            objects.add(node);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, objects));
    }

    private static byte[] nonUtf8(JsonNode valid, Random random) {
        JsonNode root = valid.deepCopy();
        List<Slot> slots = slots(root).stream().filter(s -> s.current().isTextual()).toList();
        if (slots.isEmpty()) {
            if (!(root instanceof ObjectNode object)) {
                return concat(utf8("\""), pick(NON_UTF8_SEQUENCES, random), utf8("\""));
            }
            object.put("text", SLOT);
        } else {
            slots.get(random.nextInt(slots.size())).set(NODES.textNode("before " + SLOT + " after"));
        }
        String text = write(root);
        int at = text.indexOf(SLOT);
        return concat(utf8(text.substring(0, at)), pick(NON_UTF8_SEQUENCES, random),
                utf8(text.substring(at + SLOT.length())));
    }

    /** JSON that no strict parser accepts: when a variant happens to stay valid, the body is cut short. */
    private static byte[] malformed(String text, Random random) {
        byte[] body = switch (random.nextInt(14)) {
            case 0 -> utf8(text.substring(0, Math.max(1, random.nextInt(Math.max(1, text.length())))));
            case 1 -> utf8(text + "}");
            case 2 -> utf8(text + " garbage");
            case 3 -> utf8(text.replaceFirst(":", "="));
            case 4 -> utf8(text.replace('"', '\''));
            case 5 -> utf8(text.endsWith("}") && text.length() > 2 ? text.substring(0, text.length() - 1) + ",}" : text + ",");
            case 6 -> utf8("/* comment */" + text);
            case 7 -> utf8(pick(List.of("{", "[", "}", "{\"", "\"", "nul", "tru", "{\"a\":}", "{,}", "{\"a\" \"b\"}",
                    "{\"a\":1,,\"b\":2}", "{'a':1}", "{a:1}"), random));
            case 8 -> randomBytes(random);
            case 9 -> utf8(text.replaceFirst("\"([^\"]*)\"", "\"$1\u0001\""));
            case 10 -> utf8(pick(List.of("a=1&b=2", "<xml/>", "--boundary\r\n", "\u0000\u0000"), random));
            case 11 -> utf8(text + text);
            case 12 -> utf8(text.replace("\"", "\\\""));
            default -> utf8("\"" + text);
        };
        return StrictJson.parses(body) ? utf8(text.length() > 1 ? text.substring(0, text.length() - 1) : "{") : body;
    }

    private static byte[] deepNesting(JsonNode valid, Random random) {
        int depth = pick(List.of(1_100, 5_000, 50_000), random);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        JsonNode root = valid.deepCopy();
        List<Slot> slots = slots(root);
        if (slots.isEmpty()) {
            return utf8(nested);
        }
        slots.get(random.nextInt(slots.size())).set(NODES.textNode(SLOT));
        return utf8(write(root).replace(QUOTED_SLOT, nested));
    }

    private void badHeaders(Random random, List<FuzzRequest.Header> headers) {
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            headers.addAll(badHeader(random));
        }
    }

    private List<FuzzRequest.Header> badHeader(Random random) {
        String long2000 = "x".repeat(2000);
        return switch (random.nextInt(24)) {
            case 0 -> List.of(header("If-Match", pick(List.of("garbage", "\"\"", "*", "W/\"1\"", "\"" + long2000 + "\"",
                    "\"abc\", \"def\"", "\"unterminated"), random)));
            case 1 -> List.of(header("If-None-Match", pick(List.of("garbage", "*", "W/", "\"a\"\"b\""), random)));
            case 2 -> List.of(header("Idempotency-Key", pick(List.of(" ", long2000, "\u00e9\u00e8", "\u00ff\u00fe",
                    "key with spaces", "%00"), random)));
            case 3 -> List.of(header("Accept", pick(List.of("application/xml", "text/html", "image/png",
                    "*/*;q=abc", "application/json;charset=ebcdic", "garbage", "text/event-stream"), random)));
            case 4 -> List.of(header("Accept-Charset", "ebcdic"), header("Accept-Language", "xx-YY;q=2"));
            case 5 -> List.of(header("Accept-Encoding", "gzip;q=bad, br, zstd, unknown"));
            case 6 -> List.of(header("Content-Encoding", pick(List.of("gzip", "deflate", "br", "unknown"), random)));
            case 7 -> List.of(header("X-Forwarded-For", "not an ip, , 999.1.1.1"),
                    header("X-Forwarded-Host", "evil.example"), header("X-Forwarded-Proto", "gopher"));
            case 8 -> List.of(header("Forwarded", "for=\"[::1\";proto=gopher"));
            case 9 -> List.of(header("Origin", "null"), header("Referer", "::::"));
            case 10 -> List.of(header("Range", "bytes=999999999-"));
            case 11 -> List.of(header("Cookie", "a=" + long2000));
            case 12 -> List.of(header("Authorization", pick(List.of("Bearer garbage", "Basic !!!", "Digest"), random)));
            case 13 -> List.of(header("X-HTTP-Method-Override", "DELETE"));
            case 14 -> List.of(header("Content-Type", "application/json"), header("Content-Type", "text/plain"));
            case 15 -> List.of(header("X-API-Key", pick(BAD_KEYS, random)));
            case 16 -> List.of(header("X-Internal-Token", pick(List.of("wrong", long2000, "\u00e9"), random)));
            case 17 -> List.of(header("X-Operator-Secret", pick(List.of("wrong", long2000, ""), random)));
            case 18 -> {
                List<FuzzRequest.Header> many = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    many.add(header("X-Fuzz-" + i, SchemaSamples.word(random, 60)));
                }
                yield many;
            }
            case 19 -> List.of(header("If-Modified-Since", "yesterday"), header("If-Unmodified-Since", "0"));
            case 20 -> List.of(header("Date", "not a date"), header("Expires", "-1"));
            case 21 -> List.of(header("X-Request-Id", "\u00e9" + long2000));
            case 22 -> List.of(header("Last-Event-ID", pick(List.of("-1", "abc", long2000, "99999999999999999999"), random)));
            default -> List.of(header("Prefer", "return=minimal; garbage"), header("TE", "trailers, deflate"));
        };
    }

    private static FuzzRequest.Header header(String name, String value) {
        return new FuzzRequest.Header(name, value);
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[20 + random.nextInt(180)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: the identifiers learnt so far, by path template. */
    Map<String, List<String>> knownIds() {
        return new HashMap<>(knownIds);
    }
}
