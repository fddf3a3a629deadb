package dev.whiteboard.estimation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A JSON document that never changes while the service runs, written once, with a strong ETag from
 * its bytes so browsers and CDNs can revalidate it with If-None-Match and get a 304.
 */
record CachedJson(byte[] body, String etag, String cacheControl) {

    static CachedJson of(ObjectMapper json, Object document, String cacheControl) {
        try {
            byte[] body = json.writeValueAsBytes(document);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            String tag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
            return new CachedJson(body, tag, cacheControl);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** 304 when If-None-Match names this document's tag (or *), else 200 with the body. */
    Response respond(String ifNoneMatch) {
        Response.ResponseBuilder builder = matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
