-- Local branches: a member belongs to one. postcode_districts are outward codes ("PL1") or areas ("PL") that
-- the branch covers, used to propose a branch from a member's postcode.
create table branch (
    id                uuid primary key,
    name              text        not null,
    slug              text        not null unique,
    postcode_districts text[]     not null default '{}',
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create unique index branch_name_key on branch (lower(name));
create index branch_postcode_districts_idx on branch using gin (postcode_districts);

alter table member
    add column membership_type text not null default 'member',
    add column branch_id       uuid references branch (id),
    add column phone           text,
    add column postcode        text,
    add column origin          text,
    add column external_id     text,
    add column dues_paid_until date;
create unique index member_external_id_key on member (external_id) where external_id is not null;
create index member_branch_updated_idx on member (branch_id, updated_at, id);

-- Every change of membership status, oldest first: the history a member, an organiser and the change feed see.
create table member_status_change (
    id          bigserial primary key,
    member_id   uuid        not null references member (id) on delete cascade,
    from_status text,
    to_status   text        not null,
    kind        text        not null,
    reason      text,
    changed_at  timestamptz not null
);
create index member_status_change_member_idx on member_status_change (member_id, id);

insert into member_status_change (member_id, from_status, to_status, kind, changed_at)
select id, null, status, 'joined', joined_at from member;
