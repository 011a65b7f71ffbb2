-- Events as organisers manage them: description, time zone, location, host branch, organisers, lifecycle.
alter table event
    add column description        text,
    add column time_zone          text        not null default 'Europe/London',
    add column venue              text,
    add column address            text,
    add column postcode           text,
    add column latitude           double precision,
    add column longitude          double precision,
    add column address_visibility text        not null default 'public',
    add column branch_id          uuid,
    add column campaign_id        uuid,
    add column created_at         timestamptz not null default now(),
    add column version            bigint      not null default 0,
    add constraint event_status_check check (status in ('draft', 'published', 'cancelled', 'completed')),
    add constraint event_visibility_check check (visibility in ('public', 'members')),
    add constraint event_address_visibility_check check (address_visibility in ('public', 'attendees')),
    add constraint event_coordinates_check check ((latitude is null) = (longitude is null)
        and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));

update event set event_type = replace(event_type, '-', '_');

-- Organisers' own lists: their branch's events by start.
create index event_branch_idx on event (branch_id, starts_at);

-- The members (ids) who organise an event; whom to ask, not who may manage it (that is the host branch's organisers).
create table event_organiser (
    event_id  uuid not null references event (id) on delete cascade,
    member_id uuid not null,
    primary key (event_id, member_id)
);
