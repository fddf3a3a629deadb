package dev.whiteboard.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator on a small hand-made OpenAPI document, without any service. */
class FuzzRequestGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FuzzRequestGenerator.Credentials CREDENTIALS =
            new FuzzRequestGenerator.Credentials("wb_k1_secretsecretsecret", "operator-secret", "internal-token");
    static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "security": [{"ApiKey": []}],
              "components": {
                "securitySchemes": {
                  "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
                  "OperatorSecret": {"type": "apiKey", "in": "header", "name": "X-Operator-Secret"}
                },
                "parameters": {
                  "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
                },
                "schemas": {
                  "Named": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 40}}},
                  "NewThing": {
                    "allOf": [{"$ref": "#/components/schemas/Named"}],
                    "required": ["size", "kind"],
                    "properties": {
                      "size": {"type": "integer", "minimum": 1, "maximum": 100},
                      "ratio": {"type": ["number", "null"], "exclusiveMinimum": 0},
                      "kind": {"type": "string", "enum": ["SMALL", "LARGE"]},
                      "callbackUrl": {"type": "string", "examples": ["https://platform.example/hook"]},
                      "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
                      "inner": {"type": "object", "properties": {"flag": {"type": "boolean"}}}
                    }
                  }
                }
              },
              "paths": {
                "/things": {
                  "get": {"parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                          "responses": {"200": {"content": {"application/json": {}}}}},
                  "post": {
                    "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
                    "requestBody": {"required": true, "content": {"application/json": {
                      "schema": {"$ref": "#/components/schemas/NewThing"},
                      "examples": {"one": {"value": {"name": "a", "size": 3, "kind": "SMALL",
                                                     "callbackUrl": "https://platform.example/hook"}}}}}},
                    "responses": {"201": {"content": {"application/json": {}}}}
                  }
                },
                "/things/{id}": {
                  "parameters": [{"$ref": "#/components/parameters/Id"}],
                  "get": {"responses": {"200": {"content": {"application/json": {}}}}}
                },
                "/things/{id}/stream": {
                  "parameters": [{"$ref": "#/components/parameters/Id"}],
                  "get": {"responses": {"200": {"content": {"text/event-stream": {}}}}}
                },
                "/admin/reset": {
                  "post": {"security": [{"OperatorSecret": []}], "responses": {"204": {"description": "done"}}}
                }
              }
            }
            """;

    private final OpenApiDocument document = OpenApiDocument.parse(DOCUMENT);

    @Test
    void readsOperationsWithReferencesAndMergedSchemas() {
        List<OpenApiDocument.Operation> operations = document.operations();

        assertThat(operations).extracting(OpenApiDocument.Operation::id).containsExactlyInAnyOrder(
                "GET /things", "POST /things", "GET /things/{id}", "GET /things/{id}/stream", "POST /admin/reset");
        OpenApiDocument.Operation create = operation("POST /things");
        assertThat(create.bodySchema().path("properties").has("name")).isTrue();
        assertThat(new SchemaSamples(document).requiredOf(create.bodySchema())).containsExactlyInAnyOrder("name", "size", "kind");
        assertThat(create.bodyExamples()).hasSize(1);
        assertThat(create.securitySchemes()).containsExactly("X-API-Key");
        assertThat(operation("GET /things/{id}").parametersIn("path")).extracting(OpenApiDocument.Parameter::name)
                .containsExactly("id");
        assertThat(operation("GET /things/{id}/stream").streams()).isTrue();
        assertThat(operation("POST /admin/reset").securitySchemes()).containsExactly("X-Operator-Secret");
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        FuzzRequestGenerator first = new FuzzRequestGenerator(document, 42, CREDENTIALS);
        FuzzRequestGenerator again = new FuzzRequestGenerator(document, 42, CREDENTIALS);
        FuzzRequestGenerator other = new FuzzRequestGenerator(document, 43, CREDENTIALS);

        List<String> a = LongStream.range(0, 300).mapToObj(i -> first.generate(i).describe()).toList();
        List<String> b = LongStream.range(0, 300).mapToObj(i -> again.generate(i).describe()).toList();
        List<String> c = LongStream.range(0, 300).mapToObj(i -> other.generate(i).describe()).toList();

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void tenThousandRequestsReachEveryOperationAndCaseAndAreAllSendable() {
        FuzzRequestGenerator generator = new FuzzRequestGenerator(document, 7, CREDENTIALS);
        Set<String> operations = new HashSet<>();
        Set<FuzzCase> cases = EnumSet.noneOf(FuzzCase.class);

        for (long i = 0; i < 10_000; i++) {
            FuzzRequest request = generator.generate(i);
            operations.add(request.operation());
            cases.add(request.fuzzCase());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1" + request.pathAndQuery()));
            request.headers().forEach(h -> builder.header(h.name(), h.value()));
            builder.method(request.method(), HttpRequest.BodyPublishers.noBody()).build();
        }

        assertThat(operations).hasSize(5);
        assertThat(cases).containsExactlyInAnyOrder(FuzzCase.values());
    }

    @Test
    void validRequestsSatisfyTheSchemaAndPointUrlsAtLoopback() throws Exception {
        FuzzRequestGenerator generator = new FuzzRequestGenerator(document, 11, CREDENTIALS);
        int checked = 0;
        for (long i = 0; checked < 50; i++) {
            FuzzRequest request = generator.generate(i);
            if (request.fuzzCase() != FuzzCase.VALID || !request.operation().equals("POST /things")) {
                continue;
            }
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("name").isTextual()).as(request.describe()).isTrue();
            assertThat(body.path("size").asInt()).as(request.describe()).isBetween(1, 100);
            assertThat(body.path("kind").asText()).as(request.describe()).isIn("SMALL", "LARGE");
            if (body.has("callbackUrl")) {
                assertThat(body.get("callbackUrl").asText()).startsWith("http://127.0.0.1:");
            }
            assertThat(request.header("X-API-Key")).isEqualTo(CREDENTIALS.apiKey());
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            checked++;
        }
    }

    @Test
    void eachCaseBreaksWhatItSays() {
        FuzzRequestGenerator generator = new FuzzRequestGenerator(document, 99, CREDENTIALS);
        Set<FuzzCase> seen = EnumSet.noneOf(FuzzCase.class);
        for (long i = 0; i < 10_000; i++) {
            FuzzRequest request = generator.generate(i);
            seen.add(request.fuzzCase());
            switch (request.fuzzCase()) {
                case MALFORMED_JSON -> assertThat(StrictJson.parses(request.body())).as(request.describe()).isFalse();
                case NON_UTF8 -> assertThat(validUtf8(request.body())).as(request.describe()).isFalse();
                case NO_KEY -> assertThat(request.header("X-API-Key")).as(request.describe()).isNull();
                case BAD_KEY -> assertThat(request.headers()).as(request.describe())
                        .noneMatch(h -> h.value().equals(CREDENTIALS.apiKey()) || h.value().equals(CREDENTIALS.operatorSecret()));
                case MISSING_REQUIRED -> assertThat(missesARequiredField(request.body())).as(request.describe()).isTrue();
                case EMPTY_BODY -> assertThat(request.body()).isEmpty();
                case OVERSIZED_BODY -> assertThat(request.body().length).isGreaterThan(2 * 1024 * 1024);
                case PATH_INJECTION -> assertThat(injected(request.pathAndQuery())).as(request.describe()).isTrue();
                case WRONG_METHOD -> assertThat(request.method() + " " + request.operation().split(" ")[1])
                        .isNotEqualTo(request.operation());
                default -> {
                }
            }
        }
        assertThat(seen).contains(FuzzCase.MALFORMED_JSON, FuzzCase.NON_UTF8, FuzzCase.MISSING_REQUIRED,
                FuzzCase.PATH_INJECTION, FuzzCase.WRONG_METHOD);
    }

    @Test
    void learntIdentifiersAreUsedForPathParameters() throws Exception {
        FuzzRequestGenerator generator = new FuzzRequestGenerator(document, 5, CREDENTIALS);
        List<FuzzRequest> creations = generator.creations();
        assertThat(creations).extracting(FuzzRequest::operation).containsExactlyInAnyOrder("POST /things", "POST /admin/reset");
        FuzzRequest createThing = creations.stream().filter(c -> c.operation().equals("POST /things")).findFirst().orElseThrow();

        generator.learn(createThing, JSON.readTree("{\"id\":\"3f2b8c1e-0000-4000-8000-000000000001\"}"));

        long uses = LongStream.range(0, 2_000).mapToObj(generator::generate)
                .filter(r -> r.operation().equals("GET /things/{id}") && r.fuzzCase() != FuzzCase.PATH_INJECTION)
                .filter(r -> r.pathAndQuery().startsWith("/things/3f2b8c1e-0000-4000-8000-000000000001"))
                .count();
        assertThat(uses).isGreaterThan(100);
    }

    private OpenApiDocument.Operation operation(String id) {
        return document.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }

    /** The id segment is one of the injections or very long, or a suffix was appended to the path. */
    private static boolean injected(String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0];
        String[] segments = path.split("/", -1);
        boolean idInjected = segments.length > 2 && segments[1].equals("things")
                && (FuzzRequestGenerator.PATH_INJECTIONS.contains(segments[2]) || segments[2].length() >= 300);
        boolean suffixed = !path.matches("/things(/[0-9a-f-]{36}(/stream)?)?|/admin/reset") 
                || pathAndQuery.endsWith("?") || pathAndQuery.contains("??");
        return idInjected || suffixed;
    }

    private static boolean missesARequiredField(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return !(node.has("name") && node.has("size") && node.has("kind"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
