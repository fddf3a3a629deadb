package dev.whiteboard.api.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The token of service-to-service calls, sent as {@code X-Internal-Token} on /internal/* paths. */
@ApplicationScoped
public class InternalToken {
    public static final String HEADER = "X-Internal-Token";

    private final AccessConfig config;

    public InternalToken(AccessConfig config) {
        this.config = config;
    }

    public String value() {
        return config.internalToken();
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), config.internalToken().getBytes(StandardCharsets.UTF_8));
    }
}
