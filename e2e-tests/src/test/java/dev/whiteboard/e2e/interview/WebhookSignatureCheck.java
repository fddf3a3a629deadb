package dev.whiteboard.e2e.interview;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a platform does with a delivery, written from the README alone: the header
 * {@code Whiteboard-Signature: t=<unix seconds>,v1=<hex>} carries HMAC-SHA256 under the platform's secret over
 * {@code <t>.<raw body>}; a receiver recomputes it, compares in constant time and refuses old timestamps.
 */
final class WebhookSignatureCheck {
    static final String HEADER = "Whiteboard-Signature";

    private WebhookSignatureCheck() {
    }

    /** Null when the signature is valid and fresh, else why not. */
    static String problem(String secret, String header, String rawBody, Instant now, Duration tolerance) {
        if (header == null) {
            return "no " + HEADER + " header";
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0], pair[1]);
            }
        }
        if (!parts.containsKey("t") || !parts.containsKey("v1")) {
            return HEADER + " lacks t= or v1=: " + header;
        }
        long timestamp = Long.parseLong(parts.get("t"));
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return "timestamp " + timestamp + " is more than " + tolerance + " away from " + now;
        }
        byte[] expected = hmacSha256Hex(secret, parts.get("t") + "." + rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts.get("v1").getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : "the HMAC does not match";
    }

    static String hmacSha256Hex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
