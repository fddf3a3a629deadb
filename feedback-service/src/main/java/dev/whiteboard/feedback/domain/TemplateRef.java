package dev.whiteboard.feedback.domain;

/** A template version; {@code version} null means the latest one. */
public record TemplateRef(String id, Integer version) {
    public static final String DEFAULT_ID = "default";

    public String cacheKeySuffix() {
        return id + ":" + (version == null ? "latest" : version.toString());
    }
}
