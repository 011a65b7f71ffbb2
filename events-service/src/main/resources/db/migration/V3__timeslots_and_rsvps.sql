-- Timeslots (sessions) of an event, each with its capacity and an optional waitlist.
create table timeslot (
    id               uuid primary key,
    event_id         uuid        not null references event (id) on delete cascade,
    label            text,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    capacity         integer     not null check (capacity >= 0),
    waitlist_enabled boolean     not null default true,
    created_at       timestamptz not null,
    check (ends_at > starts_at)
);
create index timeslot_event_idx on timeslot (event_id, starts_at);

-- RSVPs (OSDI attendances): a member (by id; names stay in members-service) or a member of the public (name,
-- email, consent). seq orders the waitlist: it is drawn while the timeslot's row lock is held.
create table rsvp (
    id               uuid primary key,
    seq              bigserial   not null unique,
    event_id         uuid        not null references event (id) on delete cascade,
    timeslot_id      uuid        not null references timeslot (id) on delete cascade,
    member_id        uuid,
    given_name       text,
    family_name      text,
    email            text,
    email_normalised text,
    contact_consent  boolean     not null default false,
    status           text        not null check (status in ('accepted', 'waitlisted', 'cancelled')),
    attended         boolean     not null default false,
    checked_in_at    timestamptz,
    anonymised       boolean     not null default false,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index rsvp_timeslot_idx on rsvp (timeslot_id, status, seq);
create index rsvp_event_idx on rsvp (event_id, seq);
create index rsvp_member_idx on rsvp (member_id) where member_id is not null;
-- One live RSVP per person and timeslot, whoever asks twice at once.
create unique index rsvp_member_once on rsvp (timeslot_id, member_id) where status <> 'cancelled' and member_id is not null;
create unique index rsvp_email_once on rsvp (timeslot_id, email_normalised) where status <> 'cancelled' and email_normalised is not null;
