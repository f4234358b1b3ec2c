DELETE FROM user_tokens WHERE purpose = 'delete';
ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check;
ALTER TABLE user_tokens ADD CONSTRAINT user_tokens_purpose_check CHECK (purpose IN ('confirm', 'password'));
ALTER TABLE users DROP COLUMN deleted_at;
DROP TABLE privacy_requests;
ALTER TABLE mail_suppressions DROP COLUMN email_sealed;
DROP INDEX outbox_unsealed;
DROP INDEX outbox_recipient;
CREATE INDEX outbox_account_mail ON outbox (recipient, created_at)
    WHERE kind IN ('account_confirm', 'account_exists', 'password_reset');
ALTER TABLE outbox DROP COLUMN recipient_index;
ALTER TABLE outbox DROP COLUMN key_id;
ALTER TABLE petitions DROP COLUMN anonymised_at;
DROP TABLE consent_texts;
ALTER TABLE signatures DROP COLUMN anonymised_at;
ALTER TABLE signatures DROP COLUMN consent_version;
DROP INDEX signatures_unsealed;
ALTER TABLE signatures DROP COLUMN key_id;
