-- Speakers on an event's programme (the conference); public by their own choice.
create table speaker (
    id           uuid primary key,
    event_id     uuid        not null references event (id) on delete cascade,
    timeslot_id  uuid references timeslot (id) on delete set null,
    name         text        not null,
    organisation text,
    role         text,
    session      text,
    created_at   timestamptz not null
);
create index speaker_event_idx on speaker (event_id, created_at);
