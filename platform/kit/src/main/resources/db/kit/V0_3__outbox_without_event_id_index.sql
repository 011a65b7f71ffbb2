-- Outbox event ids are random UUIDs made by the outbox itself and never looked up: their unique index only cost
-- every insert (two per imported member) an index entry.
alter table outbox drop constraint outbox_event_id_key;
