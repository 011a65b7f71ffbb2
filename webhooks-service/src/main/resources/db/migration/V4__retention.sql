-- Retention (service/Retention): finished messages (succeeded or failed) are found by their last activity, and
-- deleting one deletes its attempts and recovery rows by message id (an index each, or every delete scans them).
CREATE INDEX webhook_message_finished ON webhook_message ((coalesce(last_attempt_at, created_at)))
    WHERE state <> 'pending';
CREATE INDEX webhook_attempt_message ON webhook_attempt (message_id);
CREATE INDEX webhook_recovery_message_message ON webhook_recovery_message (message_id);
