package dev.whiteboard.feedback.rest;

import dev.whiteboard.api.problem.ProblemException;

import java.util.UUID;

/** Session ids in paths: anything that is not a UUID names no session, so it is "not found". */
final class SessionIds {
    private SessionIds() {
    }

    static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no feedback for session '" + abbreviate(value) + "': not a session id");
        }
    }

    static UUID parseQuery(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }
}
