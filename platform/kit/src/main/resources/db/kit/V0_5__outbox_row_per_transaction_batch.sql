-- One outbox row per call to the outbox, holding that call's messages as parallel arrays, instead of a row per
-- message. A bulk writer's chunk (an import's 2,000 members: 4,000 events) is then one row to insert, read and
-- delete instead of 4,000, which was half of the import's cost in PostgreSQL. A single event is a row of arrays
-- of one. Every message of a row shares its occurred_at; the subject was always the message key, so it goes.
alter table outbox
    add column event_ids    uuid[],
    add column topics       text[],
    add column message_keys text[],
    add column event_types  text[],
    add column payloads     text[]; -- an element null: a tombstone on a compacted topic

-- Rows not yet published when this runs keep their ids, so their order.
update outbox set event_ids = array[event_id], topics = array[topic], message_keys = array[message_key],
                  event_types = array[event_type], payloads = array[payload];

alter table outbox
    drop column event_id,
    drop column topic,
    drop column message_key,
    drop column event_type,
    drop column subject,
    drop column payload,
    alter column event_ids set not null,
    alter column topics set not null,
    alter column message_keys set not null,
    alter column event_types set not null,
    alter column payloads set not null;

-- A chunk's arrays are a megabyte or so, stored out of line: compressing them on insert (pglz) would cost more CPU
-- than the rows save, for a table whose rows live only until the relay publishes them.
alter table outbox
    alter column event_ids set storage external,
    alter column topics set storage external,
    alter column message_keys set storage external,
    alter column event_types set storage external,
    alter column payloads set storage external;
