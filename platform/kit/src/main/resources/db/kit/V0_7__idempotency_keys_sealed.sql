-- The idempotency store keeps nothing readable about a person: the client's key only as a SHA-256, the answer
-- AES-GCM-sealed under a key derived from the client's key (which is never stored), and the ids of what the
-- answer is about (subjects), so an erasure can forget the record. Rows written before this hold plain bodies:
-- they are dropped (at most 24 hours of replays are lost once, at the upgrade).
delete from idempotency_key;
alter table idempotency_key rename column idempotency_key to key_hash;
alter table idempotency_key rename column body to sealed_body;
alter table idempotency_key add column subjects uuid[] not null default '{}';
create index idempotency_key_subjects_idx on idempotency_key using gin (subjects);
