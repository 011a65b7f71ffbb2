-- A merged duplicate's id keeps pointing at the record it was merged into.
create table member_redirect (
    merged_id   uuid primary key,
    survivor_id uuid        not null,
    merged_at   timestamptz not null
);
create index member_redirect_merged_at_idx on member_redirect (merged_at, merged_id);
create index erasure_audit_erased_at_idx on erasure_audit (erased_at, member_id);
