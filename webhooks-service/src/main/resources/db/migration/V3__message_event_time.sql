-- The CloudEvent's time (ce_time, when the producer committed it), for the delivery lag metric
-- (grassroots.webhooks.lag). Null for a test ping, and for the messages made before this column.
ALTER TABLE webhook_message ADD COLUMN event_time timestamptz;
