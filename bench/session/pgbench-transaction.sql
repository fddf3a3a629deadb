-- The database work of one session write: update the session row, append its event.
\set id random(1, 2000)
BEGIN;
UPDATE bench_sessions SET revision = revision + 1, last_sequence = last_sequence + 1, current_phase = current_phase + 1, updated_at = now() WHERE id = :id;
INSERT INTO bench_outbox (session_id, sequence, type, envelope, occurred_at) VALUES (:id, 1, 'phase.started', '{"eventId":"4b0e8e8e-9a55-4f43-9a55-3f1d2b7c9e10","type":"phase.started","schemaVersion":1,"tenantId":"bench","sessionId":"0f8b6a52-2c1e-4f43-9a55-3f1d2b7c9e10","sequence":3,"occurredAt":"2026-11-28T10:00:05Z","payload":{"phase":"requirements","order":1,"startedAt":"2026-11-28T10:00:05Z"}}', now());
END;
