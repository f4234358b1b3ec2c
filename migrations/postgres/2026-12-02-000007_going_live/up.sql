-- Rate limits shared by every app process: one row per limited key (a keyed hash, never an
-- address or an account), holding its GCRA "theoretical arrival time". Unlogged: the rows are
-- worth nothing after a crash (every key starts afresh, as after a restart of one process), so
-- they cost no write-ahead log on the signing path.
CREATE UNLOGGED TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat TIMESTAMPTZ NOT NULL
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);

-- Addresses that bounced hard or complained: nothing more is sent to them.
CREATE TABLE mail_suppressions (
    email_canonical TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
