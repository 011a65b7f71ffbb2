-- Elections, identified by Democracy Club election ids (e.g. local.suffolk.2022-05-05).
create table election (
    election_id text primary key,
    name        text not null,
    poll_date   date not null
);
create index election_listing_idx on election (poll_date desc, election_id);

-- What elections-service knows of members, from grassroots.members.v1: enough to check that a candidate is a
-- member in good standing.
create table member_projection (
    member_id  uuid primary key,
    status     text        not null,
    joined_at  timestamptz not null,
    updated_at timestamptz not null
);
