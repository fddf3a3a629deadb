package dev.whiteboard.session.service;

/** How the API presents the result of a write: status, Location, ETag and the body object. */
public record Rendered(int status, String location, String etag, Object body) {
}
