DELETE FROM user_tokens WHERE purpose = 'delete';
CREATE TABLE user_tokens_old (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'password')),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
INSERT INTO user_tokens_old SELECT token_hash, user_id, purpose, created_at, expires_at, used_at FROM user_tokens;
DROP TABLE user_tokens;
ALTER TABLE user_tokens_old RENAME TO user_tokens;
CREATE INDEX user_tokens_user ON user_tokens (user_id);
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
