-- Tables shaped like the service's: a session row with a JSON column, an append-only event table.
drop table if exists bench_outbox;
drop table if exists bench_sessions;
create table bench_sessions (
    id bigint primary key,
    status text not null,
    current_phase integer not null,
    phases jsonb not null,
    revision bigint not null,
    last_sequence bigint not null,
    updated_at timestamptz not null
);
create table bench_outbox (
    id bigint generated always as identity primary key,
    session_id bigint not null,
    sequence bigint not null,
    type text not null,
    envelope text not null,
    occurred_at timestamptz not null,
    published_at timestamptz
);
create index bench_outbox_unpublished on bench_outbox (id) where published_at is null;
insert into bench_sessions
select i, 'IN_PROGRESS', 0, '{"phases": [{"key": "requirements", "startedAt": "2026-11-28T10:00:00Z"}]}', 1, 1, now()
from generate_series(1, 2000) as i;
