-- Councils and parliaments; slug = the organisation segment of Democracy Club election ids (local.suffolk...).
create table organisation (
    id                uuid primary key,
    slug              text not null unique,
    name              text not null,
    organisation_type text not null,
    gss_code          text unique,
    created_at        timestamptz not null
);

-- Wards, electoral divisions, constituencies; slug = the division segment of ballot paper ids.
create table post (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    slug            text not null,
    name            text not null,
    kind            text not null,
    gss_code        text,
    seats           int  not null check (seats >= 1),
    unique (organisation_id, slug)
);
create index post_listing_idx on post (organisation_id, slug);

-- Parties by their Electoral Commission register id (PP53); independents are no party (null where referenced).
create table party (
    id         uuid primary key,
    name       text not null,
    ec_id      text unique,
    created_at timestamptz not null
);
create index party_listing_idx on party (name, id);

-- A ballot is the lowest level of the election hierarchy: these columns are set on ballots only.
alter table election
    add column post_id           uuid references post (id),
    add column winner_count      int check (winner_count >= 1),
    add column candidates_locked boolean not null default false,
    add column cancelled         boolean not null default false;
