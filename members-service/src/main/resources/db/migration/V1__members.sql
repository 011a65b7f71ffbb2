create table member (
    id               uuid primary key,
    given_name       text        not null,
    family_name      text        not null,
    email            text        not null,
    -- lower-cased, trimmed: the de-duplication key
    email_normalised text        not null,
    status           text        not null,
    joined_at        timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

create unique index member_email_normalised_key on member (email_normalised);
create index member_updated_at_id_idx on member (updated_at, id);
