-- The consent ledger: every grant and withdrawal, never updated. Current consent per channel and purpose is the
-- latest entry.
create table consent_record (
    id           bigserial primary key,
    member_id    uuid        not null references member (id) on delete cascade,
    channel      text        not null,
    purpose      text        not null,
    granted      boolean     not null,
    lawful_basis text        not null,
    source       text        not null,
    recorded_at  timestamptz not null
);
create index consent_record_member_idx on consent_record (member_id, channel, purpose, id desc);
