package dev.whiteboard.session.service;

import dev.whiteboard.api.problem.ProblemException;

import java.util.regex.Pattern;

/** Strong ETags of session revisions ({@code "7"}) and the If-Match precondition. */
final class EntityTags {
    /** A short list of tags of the form this service issues ({@code "7"}, {@code "7", "8"}). */
    private static final Pattern OWN_TAGS = Pattern.compile("\"\\d{1,19}\"(\\s*,\\s*\"\\d{1,19}\"){0,4}");

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
        // The stale tags are named back only when they have this service's shape: an arbitrary header
        // value (2 KB of anything, a pasted credential) is not echoed into the answer.
        String named = ifMatch.strip();
        String since = OWN_TAGS.matcher(named).matches() ? named : "the ETag in If-Match";
        throw ProblemException.preconditionFailed("the session has changed since " + since
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
