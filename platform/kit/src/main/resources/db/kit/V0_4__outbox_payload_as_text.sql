-- Outbox payloads are JSON the outbox wrote itself (Jackson) and that only the relay reads back, as text, for Kafka:
-- nothing queries into them. As jsonb every event was parsed on insert and printed again on publication, about a
-- third of the cost of writing an outbox row (two per imported member). The table is transient (rows are deleted
-- once published), so the rewrite is cheap.
alter table outbox alter column payload type text using payload::text;
