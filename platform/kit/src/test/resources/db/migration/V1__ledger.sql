-- Every application of a ledger event, on purpose without a uniqueness rule: a double application shows up.
create table ledger (
    id          bigserial primary key,
    event_id    uuid    not null,
    message_key text    not null,
    seq         integer not null
);
