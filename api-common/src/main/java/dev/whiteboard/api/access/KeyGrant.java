package dev.whiteboard.api.access;

import java.time.Instant;

/** What an API key grants: the tenant it acts for, its tier, and when it stops working (null: never). */
public record KeyGrant(String tenantId, String tier, String keyId, Instant expiresAt) {

    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
