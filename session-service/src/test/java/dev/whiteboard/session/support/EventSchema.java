package dev.whiteboard.session.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The committed JSON Schema of session events, for checking what was published. */
public final class EventSchema {
    private final JsonSchema schema;

    public EventSchema() {
        try (InputStream in = EventSchema.class.getResourceAsStream("/schema/session-events.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<ValidationMessage> problems(JsonNode event) {
        return schema.validate(event);
    }
}
