-- An outbox row's messages packed into one bytea (see org.grassroots.kit.outbox.OutboxRow) instead of five arrays:
-- PostgreSQL's array input and output handle every element and escape every quote of a JSON payload, so reading
-- an import chunk's row back cost more than writing it; a bytea is only copied. Per message, in order: event id,
-- topic, key and type as UTF-8, each after its length (4 bytes, big-endian), then the payload the same way
-- (length -1: a tombstone). message_count is there for the pending count.
alter table outbox
    add column message_count int,
    add column messages      bytea;

-- Rows not yet published when this runs are converted in place: they keep their ids, so their order.
update outbox set message_count = cardinality(event_ids), messages = (
    select string_agg(
               int4send(octet_length(convert_to(e::text, 'UTF8'))) || convert_to(e::text, 'UTF8')
            || int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8')
            || int4send(octet_length(convert_to(k, 'UTF8'))) || convert_to(k, 'UTF8')
            || int4send(octet_length(convert_to(ty, 'UTF8'))) || convert_to(ty, 'UTF8')
            || case when p is null then int4send(-1)
                    else int4send(octet_length(convert_to(p, 'UTF8'))) || convert_to(p, 'UTF8') end,
               ''::bytea order by n)
    from unnest(event_ids, topics, message_keys, event_types, payloads) with ordinality as m (e, t, k, ty, p, n));

alter table outbox
    drop column event_ids,
    drop column topics,
    drop column message_keys,
    drop column event_types,
    drop column payloads,
    alter column message_count set not null,
    alter column messages set not null,
    -- An import chunk's row is a megabyte or so: stored out of line, uncompressed (compressing it would cost more
    -- CPU than the row saves, for a row that lives until the relay has published it).
    alter column messages set storage external;
