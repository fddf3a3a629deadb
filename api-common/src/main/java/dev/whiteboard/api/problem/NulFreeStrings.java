package dev.whiteboard.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Refuses a JSON string that holds the NUL character ({@code "\u0000"}): PostgreSQL cannot store it in
 * text, so it would otherwise fail deep inside a write. The error carries the field's JSON path, and
 * {@link ProblemMappers} turns it into a 400 that names the field.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    /** A string held a NUL; a mapping error so Jackson adds the field's path to it. */
    public static final class NulCharacterException extends JsonMappingException {
        static final String MESSAGE = "must not hold the NUL character (\\u0000)";

        NulCharacterException(JsonParser parser) {
            super(parser, MESSAGE);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer()));
    }

    static final class Deserializer extends StdScalarDeserializer<String> {
        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
