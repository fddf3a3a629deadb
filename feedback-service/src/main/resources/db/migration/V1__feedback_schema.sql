-- feedback-service's own database (whiteboard_feedback). Every row carries the tenant it belongs to.

-- Each event takes effect once: its id is recorded in the transaction that applies it.
CREATE TABLE processed_events (
    event_id     UUID PRIMARY KEY,
    tenant_id    TEXT,
    session_id   UUID,
    sequence     BIGINT      NOT NULL,
    type         TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT processed_events_session_sequence UNIQUE (session_id, sequence)
);

CREATE TABLE sessions (
    session_id         UUID PRIMARY KEY,
    tenant_id          TEXT        NOT NULL,
    candidate_ref      TEXT,
    question           TEXT,
    template_id        TEXT,
    template_version   INTEGER,
    lifecycle          TEXT        NOT NULL,
    lifecycle_sequence BIGINT      NOT NULL,
    current_phase      TEXT,
    end_sequence       BIGINT,
    ended_at           TIMESTAMPTZ,
    ended_seen_at      TIMESTAMPTZ,
    max_sequence       BIGINT      NOT NULL,
    applied_events     BIGINT      NOT NULL,
    -- Each phase's timing, folded from phase and session events (JSON array of {phase, startedAt, endedAt,
    -- elapsedSeconds, minMinutes, maxMinutes}): read and written with the session, never on their own.
    timings            TEXT        NOT NULL,
    state_version      BIGINT      NOT NULL,
    report_stale       BOOLEAN     NOT NULL,
    finalized          BOOLEAN     NOT NULL,
    finalized_at       TIMESTAMPTZ,
    first_seen_at      TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_tenant_candidate ON sessions (tenant_id, candidate_ref);
-- The sweeper's work list: reports to recompute, ended sessions still waiting for a missing event.
CREATE INDEX sessions_sweep ON sessions (updated_at)
    WHERE report_stale OR (end_sequence IS NOT NULL AND NOT finalized);

CREATE TABLE notes (
    note_id      TEXT PRIMARY KEY,
    tenant_id    TEXT        NOT NULL,
    session_id   UUID        NOT NULL,
    phase        TEXT        NOT NULL,
    text         TEXT        NOT NULL,
    sequence     BIGINT      NOT NULL,
    written_at   TIMESTAMPTZ NOT NULL,
    has_estimate BOOLEAN     NOT NULL
);
CREATE INDEX notes_session ON notes (session_id, sequence);

CREATE TABLE estimate_gradings (
    note_id         TEXT PRIMARY KEY,
    tenant_id       TEXT        NOT NULL,
    session_id      UUID        NOT NULL,
    phase           TEXT        NOT NULL,
    estimate        TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    result          TEXT,
    last_error      TEXT,
    attempts        INTEGER     NOT NULL,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    graded_at       TIMESTAMPTZ
);
CREATE INDEX estimate_gradings_session ON estimate_gradings (session_id);
CREATE INDEX estimate_gradings_due ON estimate_gradings (next_attempt_at) WHERE status = 'UNGRADED';

CREATE TABLE reports (
    session_id       UUID PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    candidate_ref    TEXT,
    status           TEXT        NOT NULL,
    overall_score    INTEGER,
    coverage         DOUBLE PRECISION,
    body             TEXT,
    computed_version BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    finalized_at     TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ
);
CREATE INDEX reports_tenant_candidate ON reports (tenant_id, candidate_ref, created_at);
CREATE INDEX reports_status ON reports (status);

CREATE TABLE webhook_endpoints (
    tenant_id  TEXT PRIMARY KEY,
    url        TEXT        NOT NULL,
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_deliveries (
    delivery_id      UUID PRIMARY KEY,
    tenant_id        TEXT        NOT NULL,
    session_id       UUID        NOT NULL,
    event            TEXT        NOT NULL,
    url              TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL,
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT
);
CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries (tenant_id, created_at DESC);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('PENDING', 'RETRYING');

CREATE TABLE webhook_attempts (
    delivery_id  UUID        NOT NULL REFERENCES webhook_deliveries (delivery_id),
    attempt      INTEGER     NOT NULL,
    tenant_id    TEXT        NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  BIGINT      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
