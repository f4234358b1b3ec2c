-- The outbox is claimed in order of urgency, then of arrival: an email someone is waiting for
-- at a screen (a confirmation link, a password reset) goes ahead of a backlog of updates,
-- milestones and delivery packs. The expression is the one in src/db/outbox.rs's claim query,
-- character for character (SQLite matches an indexed expression only when it is written the
-- same); the index holds only rows still to send, in the order they are claimed in.
CREATE INDEX outbox_due_first ON outbox ((CASE WHEN kind IN ('confirm_signature', 'already_signed', 'account_confirm', 'account_exists', 'password_reset', 'spike_alert') THEN 0 ELSE 1 END), id)
    WHERE sent_at IS NULL AND failed_at IS NULL;
