-- Street-stall feedback: what the public told us, tagged with topics from a list the admins manage.
create table feedback_topic (
    slug       text primary key check (slug ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
    label      text        not null,
    active     boolean     not null default true,
    created_at timestamptz not null
);

create table feedback_question (
    id         uuid primary key,
    event_id   uuid        not null references event (id) on delete cascade,
    text       text        not null,
    created_at timestamptz not null
);
create index feedback_question_event_idx on feedback_question (event_id, created_at);

-- Contact details only with consent; they can be erased on their own (the answer and its topics stay).
create table feedback (
    id              uuid primary key,
    seq             bigserial   not null unique,
    event_id        uuid        not null references event (id) on delete cascade,
    timeslot_id     uuid references timeslot (id) on delete set null,
    question_id     uuid        not null references feedback_question (id) on delete cascade,
    answer          text        not null,
    contact_consent boolean     not null default false,
    contact_name    text,
    contact_email   text,
    contact_phone   text,
    recorded_at     timestamptz not null,
    check (contact_consent or (contact_name is null and contact_email is null and contact_phone is null))
);
create index feedback_event_idx on feedback (event_id, seq);

create table feedback_response_topic (
    feedback_id uuid not null references feedback (id) on delete cascade,
    topic       text not null references feedback_topic (slug),
    primary key (feedback_id, topic)
);
create index feedback_response_topic_idx on feedback_response_topic (topic);
