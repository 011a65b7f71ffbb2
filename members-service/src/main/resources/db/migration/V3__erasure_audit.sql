-- That an erasure happened, and when: no personal data. The member id is kept so that downstream copies can be
-- checked for removal; it identifies nobody once the member row is gone.
create table erasure_audit (
    id           uuid primary key,
    member_id    uuid        not null unique,
    erased_at    timestamptz not null,
    requested_by text        not null
);
