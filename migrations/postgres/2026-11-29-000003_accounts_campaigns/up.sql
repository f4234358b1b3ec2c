-- Campaigners, moderators and admins. A password is unset until its owner chooses one (an
-- account created by `hastakshar admin create` gets a link to set it).
CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    role TEXT NOT NULL DEFAULT 'campaigner' CHECK (role IN ('campaigner', 'moderator', 'admin')),
    email_confirmed_at TIMESTAMP,
    -- Bumped on logout and on a password change: every session cookie issued before is void.
    session_epoch INTEGER NOT NULL DEFAULT 0,
    lang TEXT NOT NULL DEFAULT 'en',
    created_at TIMESTAMP NOT NULL
);

-- Links in account emails (confirm the address, set a password); only their hash is kept.
CREATE TABLE user_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'password')),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX user_tokens_user ON user_tokens (user_id);

-- Petitions gain a creator and a life: draft, gathering supporters, pending moderation, sent
-- back for changes, open, closed, hidden, rejected.
ALTER TABLE petitions DROP CONSTRAINT petitions_status_check;
ALTER TABLE petitions ADD CONSTRAINT petitions_status_check
    CHECK (status IN ('draft', 'gathering', 'pending', 'changes', 'open', 'closed', 'hidden', 'rejected'));
ALTER TABLE petitions
    ADD COLUMN creator_id BIGINT REFERENCES users (id),
    ADD COLUMN other_recipients TEXT NOT NULL DEFAULT '',
    ADD COLUMN share_key TEXT UNIQUE,
    ADD COLUMN submitted_at TIMESTAMP,
    ADD COLUMN decided_at TIMESTAMP,
    ADD COLUMN decision TEXT,
    ADD COLUMN decision_reason TEXT,
    ADD COLUMN decision_message TEXT,
    ADD COLUMN milestones INTEGER NOT NULL DEFAULT 0;
CREATE INDEX petitions_creator ON petitions (creator_id);

-- News from a petition's creator, approved by a moderator, then emailed in batches to the
-- confirmed signers who asked for updates (`fanout_after` is the last signature id reached).
CREATE TABLE petition_updates (
    id BIGSERIAL PRIMARY KEY,
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by BIGINT REFERENCES users (id),
    fanout_after BIGINT NOT NULL DEFAULT 0,
    fanout_done_at TIMESTAMP,
    emailed BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX petition_updates_petition ON petition_updates (petition_id, status);

-- Full-text search over titles and asks, for "similar petitions" while a title is typed. The
-- 'simple' configuration: no stemming, so Hindi and English are treated alike.
CREATE INDEX petition_texts_search ON petition_texts
    USING GIN (to_tsvector('simple', title || ' ' || action));

-- Emails to signers about updates carry a one-click unsubscribe link in their headers.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;
