-- Tenants (platforms) and their API keys (decision 0003). A key is stored only as its HMAC-SHA256 hash.
CREATE TABLE tenant (
    id         VARCHAR(40)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    tier       VARCHAR(40)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_key (
    key_id     VARCHAR(12)  PRIMARY KEY,
    tenant_id  VARCHAR(40)  NOT NULL REFERENCES tenant (id),
    key_hash   CHAR(64)     NOT NULL UNIQUE,
    created_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX api_key_tenant ON api_key (tenant_id);
