-- The declared result of a ballot, and each standing candidacy's votes and whether elected.
create table ballot_result (
    ballot_id      text primary key references election (election_id),
    electorate     int check (electorate >= 0),
    turnout        int not null check (turnout >= 0),
    spoilt_ballots int not null check (spoilt_ballots >= 0),
    recorded_at    timestamptz not null
);
alter table candidacy
    add column votes   int check (votes >= 0),
    add column elected boolean;
