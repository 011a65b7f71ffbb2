-- POSTs sent with an Idempotency-Key: the key, a fingerprint of the request and the response, written in the
-- transaction of the change itself, so a retried request replays the answer instead of repeating the change.
create table idempotency_key (
    caller          text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    response_status int         not null,
    response_type   text,
    location        text,
    body            text,
    created_at      timestamptz not null default now(),
    primary key (caller, idempotency_key)
);
create index idempotency_key_created_at_idx on idempotency_key (created_at);
