-- Templates: immutable versions. tenant_id is null for the shared default template.
create table templates (
    id           text        not null,
    version      integer     not null,
    tenant_id    text,
    name         text        not null,
    definition   jsonb       not null,
    published_at timestamptz not null,
    primary key (id, version)
);
create index templates_by_tenant on templates (tenant_id, id, version);

-- Sessions: one row per interview; the timing of each phase lives in the row (phases), so a change is one update.
create table sessions (
    id               uuid        primary key,
    tenant_id        text        not null,
    question         text        not null,
    candidate_ref    text        not null,
    template_id      text        not null,
    template_version integer     not null,
    status           text        not null,
    current_phase    integer,
    paused_at        timestamptz,
    started_at       timestamptz,
    ended_at         timestamptz,
    phases           jsonb       not null,
    revision         bigint      not null,
    last_sequence    bigint      not null,
    note_count       integer     not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    foreign key (template_id, template_version) references templates (id, version)
);
create index sessions_by_tenant on sessions (tenant_id, created_at desc, id desc);
create index sessions_by_candidate on sessions (tenant_id, candidate_ref, created_at desc, id desc);
create index sessions_by_status on sessions (tenant_id, status, created_at desc, id desc);

-- Notes: append-only.
create table notes (
    id         uuid        primary key,
    session_id uuid        not null references sessions (id),
    tenant_id  text        not null,
    phase      text        not null,
    text       text        not null,
    estimate   jsonb,
    sequence   bigint      not null,
    created_at timestamptz not null
);
create index notes_by_session on notes (session_id, sequence);

-- Transactional outbox: written in the transaction of the change, published to Kafka by the relay.
create table outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    tenant_id    text,
    session_id   uuid,
    kafka_key    text        not null,
    sequence     bigint      not null,
    type         text        not null,
    envelope     text        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_by_session on outbox (session_id, sequence) where session_id is not null;
create index outbox_published on outbox (published_at) where published_at is not null;

-- Every committed event wakes the session streams and the relay on every replica.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('whiteboard_session_changes', coalesce(new.session_id::text, '') || ':' || new.sequence);
    return null;
end
$$;
create trigger outbox_notify after insert on outbox for each row execute function outbox_notify();

-- Idempotency keys per tenant: the first successful response of a POST, replayed for retries.
create table idempotency_records (
    tenant_id       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    status          integer,
    location        text,
    etag            text,
    body            text,
    created_at      timestamptz not null,
    primary key (tenant_id, idempotency_key)
);
create index idempotency_by_age on idempotency_records (created_at);
