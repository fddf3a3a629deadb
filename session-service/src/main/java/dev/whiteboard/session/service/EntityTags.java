package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;

/** Strong ETags of session revisions ({@code "7"}) and the If-Match precondition. */
final class EntityTags {

    private EntityTags() {
    }

    /** Passes when there is no If-Match, when it is {@code *}, or when one of its tags is the current one. */
    static void requireMatch(String ifMatch, long revision) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = "\"" + revision + "\"";
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("the session has changed since " + ifMatch.strip()
                + "; its current ETag is " + current + ": read it again and retry");
    }

    /** Whether If-None-Match names the current revision (a GET then answers 304). */
    static boolean noneMatchHits(String ifNoneMatch, long revision) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = "\"" + revision + "\"";
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
