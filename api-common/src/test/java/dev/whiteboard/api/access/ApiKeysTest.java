package dev.whiteboard.api.access;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    @Test
    void newKeysAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = ApiKeys.newKey();
            assertTrue(ApiKeys.wellFormed(key), key);
            assertTrue(seen.add(key));
            assertEquals(key.substring(3, 15), ApiKeys.keyId(key));
        }
    }

    @Test
    void malformedKeysAreRecognised() {
        assertFalse(ApiKeys.wellFormed(null));
        assertFalse(ApiKeys.wellFormed(""));
        assertFalse(ApiKeys.wellFormed("wb_123"));
        String key = ApiKeys.newKey();
        assertFalse(ApiKeys.wellFormed(key + "x"));
        assertFalse(ApiKeys.wellFormed("xx" + key.substring(2)));
    }

    @Test
    void everyPartOfTheShapeIsChecked() {
        String key = ApiKeys.newKey();
        String id = key.substring(3, 15);
        String secret = key.substring(16);
        assertTrue(ApiKeys.wellFormed("wb_" + id + "_" + secret));
        assertFalse(ApiKeys.wellFormed("WB_" + id + "_" + secret), "prefix");
        assertFalse(ApiKeys.wellFormed("wb-" + id + "_" + secret), "prefix separator");
        assertFalse(ApiKeys.wellFormed("wb_" + id + "-" + secret), "separator before the secret");
        assertFalse(ApiKeys.wellFormed("wb_" + "ABCDEF012345" + "_" + secret), "upper-case hex in the id");
        assertFalse(ApiKeys.wellFormed("wb_" + "g00000000000" + "_" + secret), "non-hex letter in the id");
        for (String bad : new String[] {"+", "/", "=", " ", "é", "\u0000"}) {
            String tampered = "wb_" + id + "_" + bad + secret.substring(1);
            assertFalse(ApiKeys.wellFormed(tampered), "secret with " + bad);
        }
        assertTrue(ApiKeys.wellFormed("wb_0123456789ab_" + "A".repeat(20) + "z".repeat(10) + "09_-" + "Q".repeat(9)),
                "every allowed class of the secret");
    }

    @Test
    void hashDependsOnKeyAndPepperAndHidesBoth() {
        String key = ApiKeys.newKey();
        String hash = ApiKeys.hash(key, "pepper-one");
        assertEquals(hash, ApiKeys.hash(key, "pepper-one"));
        assertNotEquals(hash, ApiKeys.hash(key, "pepper-two"));
        assertEquals(hash, ApiKeys.hash(key, "pepper-one"), "the same after another pepper was used on this thread");
        assertNotEquals(hash, ApiKeys.hash(ApiKeys.newKey(), "pepper-one"));
        assertEquals(64, hash.length());
        assertFalse(hash.contains(key.substring(16)));
    }

    @Test
    void grantsExpire() {
        var now = java.time.Instant.parse("2026-11-28T10:00:00Z");
        assertTrue(new KeyGrant("t", "pro", "k", null).validAt(now));
        assertTrue(new KeyGrant("t", "pro", "k", now.plusSeconds(1)).validAt(now));
        assertFalse(new KeyGrant("t", "pro", "k", now).validAt(now));
    }
}
