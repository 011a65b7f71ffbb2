-- People holding a post (Popolo memberships). The name is public record; member_id links the person to a member
-- of ours (personal data: never public) and is removed, with the name, when that member is erased.
create table office_holder (
    id          uuid primary key,
    post_id     uuid        not null references post (id),
    name        text,
    member_id   uuid,
    start_date  date        not null,
    end_date    date,
    end_reason  text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    check (end_date is null or end_date >= start_date)
);
create index office_holder_member_idx on office_holder (member_id) where member_id is not null;
create index office_holder_listing_idx on office_holder (start_date desc, id);

-- On whose behalf an office-holder sits, dated; party_id null = independent. The service keeps them from
-- overlapping (the office-holder row's version serialises writers).
create table office_holder_affiliation (
    id               uuid primary key,
    office_holder_id uuid not null references office_holder (id),
    party_id         uuid references party (id),
    start_date       date not null,
    end_date         date,
    end_reason       text,
    check (end_date is null or end_date >= start_date)
);
create index affiliation_holder_idx on office_holder_affiliation (office_holder_id, start_date);
create index affiliation_current_party_idx on office_holder_affiliation (party_id) where end_date is null;

-- What happened to an office-holder, in order: took office, changed party, left office.
create table office_holder_change (
    id               uuid primary key,
    office_holder_id uuid        not null references office_holder (id),
    kind             text        not null,
    effective_date   date        not null,
    from_party_id    uuid references party (id),
    to_party_id      uuid references party (id),
    reason           text,
    recorded_at      timestamptz not null
);
create index office_holder_change_idx on office_holder_change (office_holder_id, recorded_at);
