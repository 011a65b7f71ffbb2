-- Community events (street stalls, leafleting, meetings, the conference).
create table event (
    id          uuid primary key,
    title       text        not null,
    event_type  text        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    town        text,
    status      text        not null,
    visibility  text        not null,
    updated_at  timestamptz not null,
    check (ends_at > starts_at)
);
create index event_public_listing_idx on event (starts_at, id) where status = 'published' and visibility = 'public';

-- What events-service knows of members, from grassroots.members.v1: enough to accept a member's RSVP.
create table member_projection (
    member_id  uuid primary key,
    status     text        not null,
    updated_at timestamptz not null
);
