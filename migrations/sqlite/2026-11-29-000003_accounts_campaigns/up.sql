PRAGMA foreign_keys = OFF;
BEGIN;

-- Campaigners, moderators and admins. A password is unset until its owner chooses one (an
-- account created by `hastakshar admin create` gets a link to set it).
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE TABLE petitions_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'gathering', 'pending', 'changes', 'open', 'closed', 'hidden', 'rejected')),
    lang TEXT NOT NULL,
    goal BIGINT NOT NULL CHECK (goal > 0),
    signature_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    opened_at TIMESTAMP,
    closes_at TIMESTAMP,
    closed_at TIMESTAMP,
    creator_id BIGINT REFERENCES users (id),
    other_recipients TEXT NOT NULL DEFAULT '',
    share_key TEXT UNIQUE,
    submitted_at TIMESTAMP,
    decided_at TIMESTAMP,
    decision TEXT,
    decision_reason TEXT,
    decision_message TEXT,
    milestones INTEGER NOT NULL DEFAULT 0
);
INSERT INTO petitions_new (id, status, lang, goal, signature_count, created_at, opened_at, closes_at, closed_at)
    SELECT id, status, lang, goal, signature_count, created_at, opened_at, closes_at, closed_at FROM petitions;
DROP TABLE petitions;
ALTER TABLE petitions_new RENAME TO petitions;
CREATE INDEX petitions_status ON petitions (status);
CREATE INDEX petitions_creator ON petitions (creator_id);

-- News from a petition's creator, approved by a moderator, then emailed in batches to the
-- confirmed signers who asked for updates (`fanout_after` is the last signature id reached).
CREATE TABLE petition_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

-- Full-text search over titles and asks, for "similar petitions" while a title is typed.
CREATE VIRTUAL TABLE petition_search USING fts5 (title, action, petition_id UNINDEXED, lang UNINDEXED);
INSERT INTO petition_search (title, action, petition_id, lang)
    SELECT title, action, petition_id, lang FROM petition_texts;
CREATE TRIGGER petition_texts_search_insert AFTER INSERT ON petition_texts BEGIN
    INSERT INTO petition_search (title, action, petition_id, lang)
        VALUES (new.title, new.action, new.petition_id, new.lang);
END;
CREATE TRIGGER petition_texts_search_delete AFTER DELETE ON petition_texts BEGIN
    DELETE FROM petition_search WHERE petition_id = old.petition_id AND lang = old.lang;
END;
CREATE TRIGGER petition_texts_search_update AFTER UPDATE ON petition_texts BEGIN
    DELETE FROM petition_search WHERE petition_id = old.petition_id AND lang = old.lang;
    INSERT INTO petition_search (title, action, petition_id, lang)
        VALUES (new.title, new.action, new.petition_id, new.lang);
END;

-- Emails to signers about updates carry a one-click unsubscribe link in their headers.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

COMMIT;
PRAGMA foreign_key_check;
PRAGMA foreign_keys = ON;
