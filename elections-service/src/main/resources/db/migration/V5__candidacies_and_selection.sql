-- Who stands on a ballot: our members going through selection (member_id, stage history), and other parties'
-- candidates (name and party only, stage 'standing'), so that results are complete. party_id null = independent.
-- The name of a member of ours is their personal data: it goes, with the link, when the member is erased.
create table candidacy (
    id            uuid primary key,
    ballot_id     text        not null references election (election_id),
    party_id      uuid references party (id),
    name          text,
    member_id     uuid,
    route         text,
    stage         text        not null,
    member_lapsed boolean     not null default false,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);
create unique index candidacy_member_per_ballot on candidacy (ballot_id, member_id) where member_id is not null;
create index candidacy_ballot_idx on candidacy (ballot_id, created_at, id);
create index candidacy_member_idx on candidacy (member_id) where member_id is not null;

create table candidacy_stage_change (
    id           uuid primary key,
    candidacy_id uuid        not null references candidacy (id),
    from_stage   text,
    to_stage     text        not null,
    reason       text,
    changed_at   timestamptz not null
);
create index candidacy_stage_change_idx on candidacy_stage_change (candidacy_id, changed_at);
