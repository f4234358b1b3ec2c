-- Signers' data rights (issue "Signers own their data").
--
-- Encryption at rest: a signer's name and address, and every email's recipient and bodies, are
-- stored sealed (AES-256-GCM, src/seal.rs) under a key kept outside the database; `key_id`
-- says which key (NULL: written before encryption, sealed by the worker on its next rounds).
-- `email_canonical` becomes a keyed blind index of the canonical address, so the
-- one-signature-per-address check and lookups still work on a value that reveals nothing.
ALTER TABLE signatures ADD COLUMN key_id TEXT;
CREATE INDEX signatures_unsealed ON signatures (id) WHERE key_id IS NULL;
-- The consent texts the signer was shown, by version (consent_texts); NULL before this.
ALTER TABLE signatures ADD COLUMN consent_version TEXT;
-- Set when retention or the signer's own erasure took the personal data out of the row.
ALTER TABLE signatures ADD COLUMN anonymised_at TIMESTAMP;

-- Every wording of the consents a signer may have agreed to, per language, never edited:
-- a new wording is a new version.
CREATE TABLE consent_texts (
    version TEXT PRIMARY KEY,
    lang TEXT NOT NULL,
    texts TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- A petition's signers anonymised RETENTION_DAYS after it closed.
ALTER TABLE petitions ADD COLUMN anonymised_at TIMESTAMP;

ALTER TABLE outbox ADD COLUMN key_id TEXT;
CREATE INDEX outbox_unsealed ON outbox (id) WHERE key_id IS NULL;
-- The blind index of the recipient: for a signer's download and erasure of their emails, and
-- for the caps on what strangers can make the site send to one address (which counted by the
-- address itself before, in outbox_account_mail).
ALTER TABLE outbox ADD COLUMN recipient_index TEXT;
DROP INDEX outbox_account_mail;
CREATE INDEX outbox_recipient ON outbox (recipient_index, created_at) WHERE recipient_index IS NOT NULL;

-- Suppressed addresses by blind index, with the address sealed so that a key rotation can
-- compute the index again.
ALTER TABLE mail_suppressions ADD COLUMN email_sealed TEXT;

-- Requests to the grievance officer through /privacy/contact, answered within 90 days.
CREATE TABLE privacy_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    email_sealed TEXT NOT NULL,
    email_index TEXT NOT NULL,
    name_sealed TEXT NOT NULL,
    message_sealed TEXT NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    answer TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    answered_by TEXT
);
CREATE INDEX privacy_requests_due ON privacy_requests (status, due_at);

-- A campaigner's account deleted at their request: the row stays for the petitions it started,
-- without a name or an address.
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP;

-- The link that confirms deleting an account is a token of its own purpose (SQLite changes a
-- CHECK by building the table again).
CREATE TABLE user_tokens_new (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'password', 'delete')),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
INSERT INTO user_tokens_new SELECT token_hash, user_id, purpose, created_at, expires_at, used_at FROM user_tokens;
DROP TABLE user_tokens;
ALTER TABLE user_tokens_new RENAME TO user_tokens;
CREATE INDEX user_tokens_user ON user_tokens (user_id);
