package dev.whiteboard.api.access;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The shape of an API key ({@code wb_<keyId>_<secret>}) and its stored form: HMAC-SHA256 under a pepper
 * that lives only in the environment, so a leaked table of hashes cannot be brute-forced offline.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("wb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static final ThreadLocal<Mac> MACS = new ThreadLocal<>();

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "wb_" + HexFormat.of().formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static boolean wellFormed(String key) {
        return key != null && key.length() == 59 && SHAPE.matcher(key).matches();
    }

    /** The public part of a key, safe to log and show (e.g. "3f9a0c12b7de"). */
    public static String keyId(String key) {
        return key.substring(3, 15);
    }

    public static String hash(String key, String pepper) {
        try {
            Mac mac = MACS.get();
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                MACS.set(mac);
            }
            mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
