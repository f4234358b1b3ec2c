-- Rate limits shared by every app process: one row per limited key (a keyed hash, never an
-- address or an account), holding its GCRA "theoretical arrival time". Unlogged: the rows are
-- worth nothing after a crash (every key starts afresh, as after a restart of one process), so
-- they cost no write-ahead log on the signing path.
--
-- No index on tat and room left on each page (fillfactor): a take rewrites only tat, so
-- PostgreSQL can update the row in place (a HOT update) without touching the key's index. The
-- minute's sweep of refilled keys reads the whole table, which holds only recent keys.
CREATE UNLOGGED TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 50);

-- Addresses that bounced hard or complained: nothing more is sent to them.
CREATE TABLE mail_suppressions (
    email_canonical TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
