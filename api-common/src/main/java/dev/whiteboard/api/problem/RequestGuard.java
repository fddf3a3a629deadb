package dev.whiteboard.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;

/**
 * Turns away, as problem+json and before anything else runs, what the services cannot take: a request
 * target that holds a NUL or another control character (PostgreSQL cannot store a NUL, so it would fail
 * deep inside a query), and a body whose declared length is over the configured limit (Vert.x would
 * answer that 413 with no body at all).
 */
@ApplicationScoped
public class RequestGuard {
    /** Runs before the API-key check (100), so a malformed request costs no key lookup. */
    static final int PRIORITY = 200;

    private final ObjectMapper json;
    private final long maxBodyBytes;

    public RequestGuard(ObjectMapper json,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                        MemorySize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String target = rc.request().uri();
        int controlAt = controlCharacterAt(target);
        if (controlAt >= 0) {
            int query = target.indexOf('?');
            String field = query >= 0 && controlAt > query ? "query" : "path";
            ProblemWriter.end(rc, json, ProblemException.badRequest(field,
                    "must not hold a NUL or another control character"));
            return;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            ProblemWriter.end(rc, json, new ProblemException(413, "Content Too Large",
                    "the body is over the limit of " + maxBodyBytes + " bytes",
                    List.of(new Problem.FieldError("body", "over " + maxBodyBytes + " bytes")), Map.of()));
            return;
        }
        rc.next();
    }

    /** Where the target holds a control character, raw or percent-encoded (%00 to %1F, %7F), else -1. */
    static int controlCharacterAt(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return i;
            }
            if (c == '%' && i + 2 < target.length()) {
                int high = Character.digit(target.charAt(i + 1), 16);
                int low = Character.digit(target.charAt(i + 2), 16);
                if (high >= 0 && low >= 0 && (high < 2 || high == 7 && low == 15)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The declared length; one that is not a number is left for the HTTP layer to refuse. */
    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
