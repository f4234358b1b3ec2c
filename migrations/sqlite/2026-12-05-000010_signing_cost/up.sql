-- Signing pays less for encryption at rest (issue "Signers own their data").
--
-- The first schema made a signature unique by (petition_id, email). Since migration 6 the
-- one-signature-per-address rule is `signatures_canonical`; since migration 9 `email` is sealed
-- with a random nonce, so that UNIQUE compares values that never repeat, and each signature paid
-- for a second B-tree of long random keys. SQLite drops a table's own constraint only by
-- building the table again.
--
-- signature_tokens refers to signatures ON DELETE CASCADE, and renaming a table makes that
-- reference follow it (foreign keys are on, inside the migration's transaction, where they can't
-- be turned off). So the tokens move to a table built again too, referring to the new
-- signatures, before the old table is dropped: dropping it then deletes no token.
ALTER TABLE signatures RENAME TO signatures_before_10;
CREATE TABLE signatures (
    id INTEGER PRIMARY KEY,
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
    counted BOOLEAN NOT NULL DEFAULT 0,
    sends INTEGER NOT NULL DEFAULT 1,
    email_canonical TEXT NOT NULL DEFAULT '',
    network TEXT,
    ip_hash TEXT,
    email_domain TEXT NOT NULL DEFAULT '',
    disposable BOOLEAN NOT NULL DEFAULT FALSE,
    form_seconds INTEGER,
    honeypot BOOLEAN NOT NULL DEFAULT FALSE,
    held BOOLEAN NOT NULL DEFAULT FALSE,
    invalidation_id BIGINT REFERENCES invalidations (id),
    rolled BOOLEAN NOT NULL DEFAULT FALSE,
    key_id TEXT,
    consent_version TEXT,
    anonymised_at TIMESTAMP
);
INSERT INTO signatures (id, petition_id, email, name, pin_code, state_code, pc_id, show_name,
    deliver_name, updates, lang, created_at, confirmed_at, counted, sends, email_canonical,
    network, ip_hash, email_domain, disposable, form_seconds, honeypot, held, invalidation_id,
    rolled, key_id, consent_version, anonymised_at)
SELECT id, petition_id, email, name, pin_code, state_code, pc_id, show_name,
    deliver_name, updates, lang, created_at, confirmed_at, counted, sends, email_canonical,
    network, ip_hash, email_domain, disposable, form_seconds, honeypot, held, invalidation_id,
    rolled, key_id, consent_version, anonymised_at
FROM signatures_before_10;
CREATE TABLE signature_tokens_10 (
    token_hash TEXT PRIMARY KEY NOT NULL,
    signature_id BIGINT NOT NULL REFERENCES signatures (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO signature_tokens_10 (token_hash, signature_id, created_at)
SELECT token_hash, signature_id, created_at FROM signature_tokens;
DROP TABLE signature_tokens;
ALTER TABLE signature_tokens_10 RENAME TO signature_tokens;
CREATE INDEX signature_tokens_signature ON signature_tokens (signature_id);
DROP TABLE signatures_before_10;
CREATE INDEX signatures_shown ON signatures (petition_id, confirmed_at) WHERE show_name = TRUE AND confirmed_at IS NOT NULL;
CREATE INDEX signatures_petition_order ON signatures (petition_id, id);
CREATE INDEX signatures_petition_pc ON signatures (petition_id, pc_id);
CREATE UNIQUE INDEX signatures_canonical ON signatures (petition_id, email_canonical);
CREATE INDEX signatures_created ON signatures (petition_id, created_at);
CREATE INDEX signatures_network ON signatures (petition_id, network, created_at);
CREATE INDEX signatures_domain ON signatures (petition_id, email_domain, created_at);
CREATE INDEX signatures_ip ON signatures (petition_id, ip_hash, created_at);
CREATE INDEX signatures_invalidation ON signatures (invalidation_id) WHERE invalidation_id IS NOT NULL;
CREATE INDEX signatures_held ON signatures (petition_id) WHERE held = TRUE;
CREATE INDEX signatures_waiting ON signatures (petition_id) WHERE confirmed_at IS NULL AND invalidation_id IS NULL;
CREATE INDEX signatures_uncounted ON signatures (id)
    WHERE confirmed_at IS NOT NULL AND counted = FALSE AND held = FALSE AND invalidation_id IS NULL;
CREATE INDEX signatures_unrolled ON signatures (id) WHERE rolled = FALSE AND invalidation_id IS NULL;
CREATE INDEX signatures_unsealed ON signatures (id) WHERE key_id IS NULL;
