package dev.whiteboard.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.whiteboard.api.problem.ProblemException;
import dev.whiteboard.session.messaging.SessionEventEnvelope;
import dev.whiteboard.session.repository.IdempotencyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a write at most once per tenant and Idempotency-Key. The key is claimed, the write done and its
 * response stored in one transaction: a retry with the same request gets the stored response and changes
 * nothing; the same key with another request gets 422. A write that failed stored nothing, so its retry
 * runs again.
 */
@ApplicationScoped
public class IdempotentExecutor {
    public static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRepository records;
    private final ObjectMapper json;
    private final ObjectMapper canonical;

    public IdempotentExecutor(IdempotencyRepository records, ObjectMapper json) {
        this.records = records;
        this.json = json;
        this.canonical = JsonMapper.builder()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .findAndAddModules()
                .build();
    }

    /** A write's response and the events it wrote (none for a replay). */
    public record Outcome(Reply reply, List<SessionEventEnvelope> events) {
    }

    /** What identifies a request for its key: method, path and the request body in canonical JSON. */
    public String fingerprint(String method, String path, Object body) {
        try {
            String text = method + " " + path + "\n" + (body == null ? "" : canonical.writeValueAsString(body));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a request could not be fingerprinted", e);
        }
    }

    @WithTransaction
    public Uni<Outcome> once(String tenantId, String key, String fingerprint,
                             Supplier<Uni<Changed<Rendered>>> write) {
        if (key == null) {
            return write.get().map(this::outcome);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(ProblemException.badRequest("Idempotency-Key",
                    "must be 1-" + MAX_KEY_LENGTH + " characters"));
        }
        return records.claim(tenantId, key, fingerprint).chain(claimed -> claimed
                ? write.get().map(this::outcome).call(outcome -> records.complete(tenantId, key,
                        outcome.reply().status(), outcome.reply().location(), outcome.reply().etag(),
                        outcome.reply().body()))
                : records.find(tenantId, key).map(stored -> replay(stored, fingerprint)));
    }

    private Outcome outcome(Changed<Rendered> changed) {
        Rendered rendered = changed.result();
        try {
            return new Outcome(new Reply(rendered.status(), rendered.location(), rendered.etag(),
                    json.writeValueAsString(rendered.body()), false), changed.events());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
    }

    private static Outcome replay(IdempotencyRepository.StoredResponse stored, String fingerprint) {
        if (stored == null || stored.status() == null) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still being handled; retry shortly");
        }
        if (!stored.requestHash().equals(fingerprint)) {
            throw new ProblemException(422, "Unprocessable Content",
                    "this Idempotency-Key was used for a different request; use a new key for a new request",
                    "Idempotency-Key");
        }
        return new Outcome(new Reply(stored.status(), stored.location(), stored.etag(), stored.body(), true), List.of());
    }
}
