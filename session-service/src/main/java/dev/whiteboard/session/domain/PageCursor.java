package dev.whiteboard.session.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The position after the last session of a page, in the list's order (newest first, then by id). Opaque
 * to clients: base64url of "createdAt|id".
 */
public record PageCursor(Instant createdAt, UUID id) {

    public String encode() {
        String raw = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty when it is not one this service issued. */
    public static Optional<PageCursor> decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
