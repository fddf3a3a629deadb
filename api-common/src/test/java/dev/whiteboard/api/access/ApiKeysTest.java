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
    void hashDependsOnKeyAndPepperAndHidesBoth() {
        String key = ApiKeys.newKey();
        String hash = ApiKeys.hash(key, "pepper-one");
        assertEquals(hash, ApiKeys.hash(key, "pepper-one"));
        assertNotEquals(hash, ApiKeys.hash(key, "pepper-two"));
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
