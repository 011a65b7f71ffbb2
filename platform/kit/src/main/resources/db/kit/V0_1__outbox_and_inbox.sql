-- Kit tables, shared by every service's database. Kit migrations are versioned 0.x so they sort before the
-- service's own (1, 2, ...); Flyway reads them from classpath:db/kit.

-- Integration events waiting to be published (transactional outbox). Rows are deleted once Kafka acknowledged them.
create table outbox (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    event_type  text        not null,
    subject     text,
    occurred_at timestamptz not null,
    payload     jsonb       -- null: a tombstone on a compacted topic
);

-- Events a consumer has applied (idempotent consumer): written in the same transaction as the effect.
create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
