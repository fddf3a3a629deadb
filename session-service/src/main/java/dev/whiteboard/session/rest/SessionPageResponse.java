package dev.whiteboard.session.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SessionPage", description = "Sessions, newest first; pass nextCursor as cursor for the next page.")
public record SessionPageResponse(
        List<SessionResponse> items,
        @Schema(description = "Null on the last page", examples = "MjAyNi0xMS0yOFQxMDowMDowMFp8MGY4YjZhNTI") String nextCursor) {
}
