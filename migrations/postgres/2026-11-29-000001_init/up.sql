CREATE TABLE states (
    code TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    name_hi TEXT NOT NULL,
    kind TEXT NOT NULL,
    eci_code TEXT NOT NULL,
    seats INTEGER NOT NULL
);

CREATE TABLE constituencies (
    pc_id TEXT PRIMARY KEY NOT NULL,
    state_code TEXT NOT NULL REFERENCES states (code),
    pc_no INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_hi TEXT NOT NULL,
    reservation TEXT NOT NULL
);
CREATE INDEX constituencies_state ON constituencies (state_code);

CREATE TABLE pincodes (
    pin_code TEXT PRIMARY KEY NOT NULL,
    state_code TEXT NOT NULL REFERENCES states (code),
    all_states TEXT NOT NULL,
    primary_pc_id TEXT REFERENCES constituencies (pc_id)
);

CREATE TABLE recipients (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('parliament', 'ministry', 'member', 'other')),
    name TEXT NOT NULL,
    name_hi TEXT NOT NULL
);

CREATE TABLE petitions (
    id BIGSERIAL PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'open', 'closed', 'hidden', 'rejected')),
    lang TEXT NOT NULL,
    goal BIGINT NOT NULL CHECK (goal > 0),
    signature_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    opened_at TIMESTAMP,
    closes_at TIMESTAMP,
    closed_at TIMESTAMP
);
CREATE INDEX petitions_status ON petitions (status);

CREATE TABLE petition_texts (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    action TEXT NOT NULL,
    background TEXT NOT NULL,
    PRIMARY KEY (petition_id, lang)
);

CREATE TABLE petition_recipients (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    recipient_id BIGINT NOT NULL REFERENCES recipients (id),
    PRIMARY KEY (petition_id, recipient_id)
);

CREATE TABLE signatures (
    id BIGSERIAL PRIMARY KEY,
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    pin_code TEXT NOT NULL,
    state_code TEXT NOT NULL REFERENCES states (code),
    pc_id TEXT NOT NULL REFERENCES constituencies (pc_id),
    show_name BOOLEAN NOT NULL,
    deliver_name BOOLEAN NOT NULL,
    updates BOOLEAN NOT NULL,
    lang TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    counted BOOLEAN NOT NULL DEFAULT FALSE,
    sends INTEGER NOT NULL DEFAULT 1,
    UNIQUE (petition_id, email)
);
-- The names shown on a petition's page: its latest confirmed signers who asked to be shown.
CREATE INDEX signatures_shown ON signatures (petition_id, confirmed_at) WHERE show_name = TRUE AND confirmed_at IS NOT NULL;
-- The counter only ever scans confirmed signatures it has not counted yet.
CREATE INDEX signatures_uncounted ON signatures (id) WHERE confirmed_at IS NOT NULL AND counted = FALSE;

CREATE TABLE signature_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    signature_id BIGINT NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX signature_tokens_signature ON signature_tokens (signature_id);

CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    sent_at TIMESTAMP,
    failed_at TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

CREATE TABLE state_counts (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    state_code TEXT NOT NULL REFERENCES states (code),
    count BIGINT NOT NULL,
    PRIMARY KEY (petition_id, state_code)
);

CREATE TABLE constituency_counts (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    pc_id TEXT NOT NULL REFERENCES constituencies (pc_id),
    count BIGINT NOT NULL,
    PRIMARY KEY (petition_id, pc_id)
);
