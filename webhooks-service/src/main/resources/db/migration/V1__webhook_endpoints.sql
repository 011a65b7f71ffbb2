-- Where integrators want deliveries, and the secrets deliveries are signed with.
CREATE TABLE webhook_endpoint (
    id          uuid PRIMARY KEY,
    -- The caller that registered it: an API key's subject ("api-key:<id>") sees only its own; admins see all.
    owner       text        NOT NULL,
    url         text        NOT NULL,
    event_types text[]      NOT NULL,
    description text,
    disabled    boolean     NOT NULL DEFAULT false,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX webhook_endpoint_owner ON webhook_endpoint (owner, id);

-- A signing secret, sealed with AES-256-GCM under webhooks.secret-key (12-byte nonce, then ciphertext and tag; the
-- endpoint id is the associated data, so a sealed secret cannot be moved to another endpoint). The current secret
-- has no expiry; a rotated-out one keeps signing until expires_at.
CREATE TABLE webhook_secret (
    id          uuid PRIMARY KEY,
    endpoint_id uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    sealed      bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz
);
CREATE INDEX webhook_secret_endpoint ON webhook_secret (endpoint_id);
