ALTER TABLE outbox DROP COLUMN unsubscribe_url;
DROP INDEX petition_texts_search;
DROP TABLE petition_updates;
ALTER TABLE petitions
    DROP COLUMN creator_id, DROP COLUMN other_recipients, DROP COLUMN share_key,
    DROP COLUMN submitted_at, DROP COLUMN decided_at, DROP COLUMN decision,
    DROP COLUMN decision_reason, DROP COLUMN decision_message, DROP COLUMN milestones;
ALTER TABLE petitions DROP CONSTRAINT petitions_status_check;
ALTER TABLE petitions ADD CONSTRAINT petitions_status_check
    CHECK (status IN ('draft', 'pending', 'open', 'closed', 'hidden', 'rejected'));
DROP TABLE user_tokens;
DROP TABLE users;
