package dev.whiteboard.session.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The version of the default template this build ships, which a fresh database stores at start. */
public final class ShippedDefaultTemplate {
    private ShippedDefaultTemplate() {
    }

    public static int version() {
        try (InputStream in = ShippedDefaultTemplate.class.getClassLoader()
                .getResourceAsStream("templates/default-template.json")) {
            return new ObjectMapper().readTree(in).path("version").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
