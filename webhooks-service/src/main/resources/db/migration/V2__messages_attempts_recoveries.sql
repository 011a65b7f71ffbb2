-- Deliveries: a message per event and endpoint, every attempt at sending it, and recovery jobs.

-- What the owner's scopes let the endpoint receive: null for an admin person (every type); an API key's scopes as
-- its token carried them at registration (members:read -> member.* and person.*, and so on). Endpoints registered
-- before this column existed were registered by admins or by keys; a key's old endpoint gets nothing ('{}') until
-- it is registered again, rather than everything.
ALTER TABLE webhook_endpoint ADD COLUMN owner_scopes text[];
UPDATE webhook_endpoint SET owner_scopes = '{}' WHERE owner LIKE 'api-key:%';
-- The first failure of the current unbroken run of failures (null after a success): five days of it disable.
ALTER TABLE webhook_endpoint ADD COLUMN failing_since timestamptz;

-- One message to one endpoint. Its id is the webhook-id (msg_ + id), the same on every attempt.
CREATE TABLE webhook_message (
    id              uuid PRIMARY KEY,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- The CloudEvent it came from (null for a test ping): a replayed Kafka record makes no second message.
    event_id        uuid,
    event_type      text        NOT NULL,
    -- The Kafka key (the aggregate): messages of one resource to one endpoint go in seq order.
    resource_key    text,
    seq             bigserial   NOT NULL,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL,
    -- pending (to send: due at next_attempt_at), succeeded, failed (the schedule is spent, or a one-off resend failed)
    state           text        NOT NULL,
    -- Whether a failure is retried on the schedule (false for a resend or recovery: one attempt, now).
    retrying        boolean     NOT NULL DEFAULT true,
    next_attempt_at timestamptz,
    -- Set while an attempt is in flight: no other worker or replica claims it before; after it (a replica died
    -- mid-send) it is claimed again.
    lease_until     timestamptz,
    -- Attempts on the retry schedule so far (the next delay is the schedule's entry at this index).
    scheduled_attempts int      NOT NULL DEFAULT 0,
    last_attempt_at timestamptz,
    last_outcome    text,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_message_due ON webhook_message (endpoint_id, next_attempt_at, seq) WHERE state = 'pending';
CREATE INDEX webhook_message_resource ON webhook_message (endpoint_id, resource_key, seq) WHERE state = 'pending';
CREATE INDEX webhook_message_in_flight ON webhook_message (endpoint_id) WHERE lease_until IS NOT NULL;
CREATE INDEX webhook_message_last_failed ON webhook_message (endpoint_id, last_attempt_at)
    WHERE last_outcome = 'failed';

-- Every attempt, as the attempts log shows it. Ids are time-ordered: the log's order and cursor.
CREATE TABLE webhook_attempt (
    id              uuid PRIMARY KEY,
    message_id      uuid        NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    endpoint_id     uuid        NOT NULL,
    attempt_number  int         NOT NULL,
    outcome         text        NOT NULL,
    status_code     int,
    duration_millis bigint      NOT NULL,
    -- The first 1 KB of the answer's body.
    response        text,
    error           text,
    attempted_at    timestamptz NOT NULL
);
CREATE INDEX webhook_attempt_endpoint ON webhook_attempt (endpoint_id, id);

-- A recovery: the messages whose last attempt failed since a time, re-sent once each.
CREATE TABLE webhook_recovery (
    id          uuid PRIMARY KEY,
    endpoint_id uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    since       timestamptz NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE TABLE webhook_recovery_message (
    recovery_id uuid    NOT NULL REFERENCES webhook_recovery (id) ON DELETE CASCADE,
    message_id  uuid    NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    resent      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (recovery_id, message_id)
);
CREATE INDEX webhook_recovery_message_pending ON webhook_recovery_message (message_id) WHERE NOT resent;
