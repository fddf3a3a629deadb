package dev.whiteboard.e2e.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The committed contract: sessions with a $ref'd model, a query parameter, a problem response. */
    private static final String COMMITTED = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "servers": [{"url": "http://localhost:8081"}],
             "security": [{"ApiKey": []}],
             "paths": {
               "/sessions": {
                 "get": {"summary": "List sessions",
                   "parameters": [
                     {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                     {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer"}}],
                   "responses": {"200": {"description": "ok", "content": {"application/json":
                     {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Session"}}}}}}},
                 "post": {"summary": "Create a session",
                   "requestBody": {"required": true, "content": {"application/json":
                     {"schema": {"$ref": "#/components/schemas/NewSession"}}}},
                   "responses": {
                     "201": {"description": "created", "headers": {"Location": {"schema": {"type": "string"}}},
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}},
                     "404": {"$ref": "#/components/responses/NotFound"}}}
               },
               "/sessions/{id}": {
                 "delete": {"responses": {"204": {"description": "gone"}}}
               }
             },
             "components": {
               "responses": {"NotFound": {"description": "missing", "content": {"application/problem+json":
                 {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
               "schemas": {
                 "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                 "NewSession": {"type": "object", "required": ["question"], "properties": {
                   "question": {"type": "string", "description": "the interview question"},
                   "templateId": {"type": "string"}}},
                 "Session": {"type": "object", "properties": {
                   "id": {"type": "string", "format": "uuid"},
                   "state": {"type": "string", "enum": ["CREATED", "IN_PROGRESS"]},
                   "next": {"$ref": "#/components/schemas/Session"}}}
               }}}
            """;

    @Test
    void identicalDocumentsHaveNoDifference() throws Exception {
        assertThat(ContractComparison.differences(read(COMMITTED), read(COMMITTED))).isEmpty();
    }

    @Test
    void eachKindOfDifferenceIsOneLineNamingTheOperationAndWhatDiffers() throws Exception {
        ObjectNode served = (ObjectNode) read(COMMITTED);
        // operation removed, operation added
        served.withObject("/paths").remove("/sessions/{id}");
        served.withObject("/paths").set("/templates", read("""
                {"get": {"responses": {"200": {"description": "ok"}}}}"""));
        // parameter removed, added, made required, schema changed
        served.withArray("/paths/~1sessions/get/parameters").removeAll().addAll(List.of(
                read("""
                        {"name": "limit", "in": "query", "required": true, "schema": {"type": "string"}}"""),
                read("""
                        {"name": "status", "in": "query", "schema": {"type": "string"}}""")));
        // request body schema changed inside a $ref'd component
        served.withObject("/components/schemas/NewSession/properties/templateId").put("type", "integer");
        // response schema changed inside a $ref'd component, a response removed, one added, a header removed
        served.withObject("/components/schemas/Session/properties/state").withArray("enum").add("COMPLETED");
        ObjectNode postResponses = served.withObject("/paths/~1sessions/post/responses");
        postResponses.remove("404");
        postResponses.set("409", read("""
                {"description": "conflict", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}"""));
        postResponses.withObject("/201").remove("headers");
        // a media type added to a request body, and the operation made public
        served.withObject("/paths/~1sessions/post/requestBody/content").set("text/plain",
                read("{\"schema\": {\"type\": \"string\"}}"));
        served.withObject("/paths/~1sessions/post").putArray("security");

        assertThat(ContractComparison.differences(read(COMMITTED), served)).containsExactly(
                "GET /sessions: parameter query cursor removed",
                "GET /sessions: parameter query limit required differs: committed false, served true",
                "GET /sessions: parameter query limit schema differs at type: committed \"integer\", served \"string\"",
                "GET /sessions: parameter query status added",
                "GET /sessions: response 200 schema differs at items.properties.state.enum: "
                        + "committed [\"CREATED\",\"IN_PROGRESS\"], served [\"CREATED\",\"IN_PROGRESS\",\"COMPLETED\"]",
                "POST /sessions: request body (application/json) schema differs at properties.templateId.type: "
                        + "committed \"string\", served \"integer\"",
                "POST /sessions: request body media type text/plain added",
                "POST /sessions: response 201 schema differs at properties.state.enum: "
                        + "committed [\"CREATED\",\"IN_PROGRESS\"], served [\"CREATED\",\"IN_PROGRESS\",\"COMPLETED\"]",
                "POST /sessions: response 201 header Location removed",
                "POST /sessions: response 404 removed",
                "POST /sessions: response 409 added",
                "POST /sessions: security differs: committed [{\"ApiKey\":[]}], served []",
                "DELETE /sessions/{id}: removed (in the committed document, not served)",
                "GET /templates: added (served, not in the committed document)");
    }

    @Test
    void aRefAndTheSameSchemaWrittenInlineAreTheSameContractButNotTheSameDocument() throws Exception {
        ObjectNode served = (ObjectNode) read(COMMITTED);
        JsonNode inline = served.at("/components/schemas/NewSession").deepCopy();
        served.withObject("/paths/~1sessions/post/requestBody/content/application~1json").set("schema", inline);

        assertThat(ContractComparison.differences(read(COMMITTED), served))
                .allMatch(line -> line.startsWith("document differs outside the operations' contract at "
                        + "paths./sessions.post.requestBody.content.application/json.schema."))
                .first().asString().endsWith("schema.$ref: committed \"#/components/schemas/NewSession\", served absent");
    }

    @Test
    void proseChangesAreReportedAsDocumentDifferencesOnlyWhenTheOperationsAgree() throws Exception {
        ObjectNode served = (ObjectNode) read(COMMITTED);
        served.withObject("/components/schemas/NewSession/properties/question").put("description", "what to design");
        served.withObject("/paths/~1sessions/get").put("summary", "Sessions of the tenant");
        served.putArray("servers").addObject().put("url", "http://127.0.0.1:40123");

        assertThat(ContractComparison.differences(read(COMMITTED), served)).containsExactly(
                "document differs outside the operations' contract at "
                        + "components.schemas.NewSession.properties.question.description: "
                        + "committed \"the interview question\", served \"what to design\"",
                "document differs outside the operations' contract at paths./sessions.get.summary: "
                        + "committed \"List sessions\", served \"Sessions of the tenant\"");
    }

    @Test
    void numbersCompareByValueHoweverTheyAreWritten() throws Exception {
        String committed = COMMITTED.replace("{\"type\": \"integer\"}", "{\"type\": \"integer\", \"maximum\": 10000000000}");
        ObjectNode served = (ObjectNode) read(committed);
        served.withObject("/paths/~1sessions/get/parameters/1/schema").put("maximum", 1.0E10);
        assertThat(ContractComparison.differences(read(committed), served)).isEmpty();

        served.withObject("/paths/~1sessions/get/parameters/1/schema").put("maximum", 1.0E9);
        assertThat(ContractComparison.differences(read(committed), served)).containsExactly(
                "GET /sessions: parameter query limit schema differs at maximum: committed 10000000000, served 1.0E9");
    }

    private static JsonNode read(String json) throws Exception {
        return JSON.readTree(json);
    }
}
