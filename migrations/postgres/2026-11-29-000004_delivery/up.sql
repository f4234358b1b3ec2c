-- Ministries and other recipients get an address to send packs to.
ALTER TABLE recipients ADD COLUMN email TEXT, ADD COLUMN postal_address TEXT;

-- The letter to each member of Parliament, one per language, edited by staff. Placeholders in
-- braces are filled in per constituency.
CREATE TABLE letter_templates (
    lang TEXT PRIMARY KEY NOT NULL,
    body TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL
);

-- Files attached to an email in the outbox (a delivery pack).
CREATE TABLE outbox_attachments (
    id BIGSERIAL PRIMARY KEY,
    outbox_id BIGINT NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data BYTEA NOT NULL
);
CREATE INDEX outbox_attachments_outbox ON outbox_attachments (outbox_id);

-- Each pack sent to a recipient: its state is its outbox row's (queued, sent, failed).
CREATE TABLE deliveries (
    id BIGSERIAL PRIMARY KEY,
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('member', 'ministry')),
    pc_id TEXT REFERENCES constituencies (pc_id),
    recipient_id BIGINT REFERENCES recipients (id),
    recipient_name TEXT NOT NULL,
    email TEXT NOT NULL,
    signatures BIGINT NOT NULL,
    outbox_id BIGINT NOT NULL REFERENCES outbox (id),
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX deliveries_petition ON deliveries (petition_id);

-- Background work started from the web (a zip of every pack): progress the user can come back to.
CREATE TABLE staff_jobs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    done BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    file TEXT,
    error TEXT,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    -- Moved on as the job makes progress: a running job whose heartbeat stopped was cut off
    -- (its server stopped) and is marked failed, so its page does not wait for ever.
    heartbeat_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);

-- A constituency's signers, for its pack.
CREATE INDEX signatures_petition_pc ON signatures (petition_id, pc_id);
