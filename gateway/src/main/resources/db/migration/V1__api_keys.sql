-- API keys for integrations. Only the SHA-256 of the secret is kept: a leaked table grants nothing.
create table api_key (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    secret_hash bytea       not null unique,
    -- The secret's first characters, so an admin can tell keys apart without the secret.
    prefix      text        not null,
    scopes      text[]      not null check (cardinality(scopes) > 0),
    created_at  timestamptz not null,
    created_by  text        not null,
    revoked_at  timestamptz,
    revoked_by  text
);
