-- A SQLite site is one process: its rate limits live in that process's memory, and no
-- rate_limits table is needed.

-- Addresses that bounced hard or complained: nothing more is sent to them.
CREATE TABLE mail_suppressions (
    email_canonical TEXT PRIMARY KEY NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
