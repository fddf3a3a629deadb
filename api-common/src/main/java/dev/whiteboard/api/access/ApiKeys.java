package dev.whiteboard.api.access;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape of an API key ({@code wb_<keyId>_<secret>}) and its stored form: HMAC-SHA256 under a pepper
 * that lives only in the environment, so a leaked table of hashes cannot be brute-forced offline.
 */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each thread's HMAC, initialised once for the pepper it was last used with (init is the costly part). */
    private static final ThreadLocal<PepperedMac> MACS = new ThreadLocal<>();

    private record PepperedMac(String pepper, Mac mac) {
    }

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "wb_" + HexFormat.of().formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** {@code wb_}, 12 lower-case hex digits, {@code _}, 43 base64url characters (checked on every request). */
    public static boolean wellFormed(String key) {
        if (key == null || key.length() != 59 || !key.startsWith("wb_") || key.charAt(15) != '_') {
            return false;
        }
        for (int i = 3; i < 15; i++) {
            char c = key.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        for (int i = 16; i < 59; i++) {
            char c = key.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The public part of a key, safe to log and show (e.g. "3f9a0c12b7de"). */
    public static String keyId(String key) {
        return key.substring(3, 15);
    }

    public static String hash(String key, String pepper) {
        try {
            PepperedMac peppered = MACS.get();
            if (peppered == null || !peppered.pepper().equals(pepper)) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                peppered = new PepperedMac(pepper, mac);
                MACS.set(peppered);
            }
            // doFinal leaves the Mac reset to its key, ready for the next call
            return HexFormat.of().formatHex(peppered.mac().doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
