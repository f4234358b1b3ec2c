-- A count no one can dismiss: each signature keeps the few signals a wave is found by, rules
-- every process obeys, and invalidations that can be cancelled.

CREATE TABLE invalidations (
    id BIGSERIAL PRIMARY KEY,
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    -- The criteria as staff chose them (JSON); never shown in public, only the reason is.
    criteria TEXT NOT NULL,
    reason TEXT NOT NULL,
    matched BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL,
    cancelled_at TIMESTAMP,
    cancelled_by TEXT
);
CREATE INDEX invalidations_petition ON invalidations (petition_id, created_at);

-- The address as typed stays in `email` (to write to); `email_canonical` is the inbox behind it
-- (to count once). Rows from before this migration get their lower-cased address, which is
-- what they were unique by.
ALTER TABLE signatures ADD COLUMN email_canonical TEXT NOT NULL DEFAULT '';
UPDATE signatures SET email_canonical = lower(email);
ALTER TABLE signatures ALTER COLUMN email_canonical DROP DEFAULT;
ALTER TABLE signatures DROP CONSTRAINT signatures_petition_id_email_key;
CREATE UNIQUE INDEX signatures_canonical ON signatures (petition_id, email_canonical);

-- Signals (personal data, erased with the rest of a signature): the client's network (IPv4 /24,
-- IPv6 /48), a keyed hash of its full address, the email's domain and whether it is disposable,
-- the seconds from the page being served to the form arriving, and the honeypot.
ALTER TABLE signatures ADD COLUMN network TEXT;
ALTER TABLE signatures ADD COLUMN ip_hash TEXT;
ALTER TABLE signatures ADD COLUMN email_domain TEXT NOT NULL DEFAULT '';
UPDATE signatures SET email_domain = split_part(lower(email), '@', 2);
ALTER TABLE signatures ADD COLUMN disposable BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE signatures ADD COLUMN form_seconds INTEGER;
ALTER TABLE signatures ADD COLUMN honeypot BOOLEAN NOT NULL DEFAULT FALSE;
-- Held by a rule: kept and confirmable, not counted until a moderator releases it.
ALTER TABLE signatures ADD COLUMN held BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE signatures ADD COLUMN invalidation_id BIGINT REFERENCES invalidations (id);

-- Windows, charts and the per-petition rate; the rate rules and the console's rankings.
CREATE INDEX signatures_created ON signatures (petition_id, created_at);
CREATE INDEX signatures_network ON signatures (petition_id, network, created_at);
CREATE INDEX signatures_domain ON signatures (petition_id, email_domain, created_at);
CREATE INDEX signatures_ip ON signatures (petition_id, ip_hash, created_at);
CREATE INDEX signatures_invalidation ON signatures (invalidation_id) WHERE invalidation_id IS NOT NULL;
CREATE INDEX signatures_held ON signatures (petition_id) WHERE held = TRUE;
-- The method page's "waiting for confirmation", counted without reading the counted ones.
CREATE INDEX signatures_waiting ON signatures (petition_id) WHERE confirmed_at IS NULL AND invalidation_id IS NULL;

-- Held and invalidated signatures are not counted: the counter never claims them.
DROP INDEX signatures_uncounted;
CREATE INDEX signatures_uncounted ON signatures (id)
    WHERE confirmed_at IS NOT NULL AND counted = FALSE AND held = FALSE AND invalidation_id IS NULL;

CREATE TABLE integrity_rules (
    id BIGSERIAL PRIMARY KEY,
    -- rate: `scope` says what is counted (ip, network, domain, petition), on the same petition.
    -- match: `kind` says what matches (network, domain, address, disposable, too_fast, honeypot).
    kind TEXT NOT NULL CHECK (kind IN ('rate', 'network', 'domain', 'address', 'disposable', 'too_fast', 'honeypot')),
    scope TEXT CHECK (scope IN ('ip', 'network', 'domain', 'petition')),
    value TEXT NOT NULL,
    burst INTEGER,
    sustained INTEGER,
    action TEXT NOT NULL CHECK (action IN ('hold', 'block')),
    note TEXT NOT NULL,
    hits BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT NOT NULL
);

-- An imported disposable-domain list; while it is empty the list shipped in the binary holds.
CREATE TABLE disposable_domains (
    domain TEXT PRIMARY KEY NOT NULL,
    imported_at TIMESTAMP NOT NULL
);

-- One spike email per petition per hour, whichever process notices first.
CREATE TABLE spike_alerts (
    petition_id BIGINT PRIMARY KEY NOT NULL REFERENCES petitions (id),
    alerted_at TIMESTAMP NOT NULL,
    recent_per_minute DOUBLE PRECISION NOT NULL,
    trailing_per_minute DOUBLE PRECISION NOT NULL
);

-- The console's figures, rolled up by the worker from each signature once (`rolled`), so that
-- every view reads a few thousand rows whatever the petition's size. `rolled` is true exactly
-- while a signature is in the rollups: an invalidation takes it out (and clears `rolled`), a
-- cancelled one lets the worker put it back.
ALTER TABLE signatures ADD COLUMN rolled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX signatures_unrolled ON signatures (id) WHERE rolled = FALSE AND invalidation_id IS NULL;
-- Per minute of signing: how many, and the flags they raised.
CREATE TABLE signature_minutes (
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    minute TIMESTAMP NOT NULL,
    signed BIGINT NOT NULL,
    disposable BIGINT NOT NULL,
    too_fast BIGINT NOT NULL,
    honeypot BIGINT NOT NULL,
    PRIMARY KEY (petition_id, minute)
);
-- Per hour of signing (and for all time, as the hour 1970-01-01 00:00), per network, email
-- domain and constituency: how many.
CREATE TABLE signature_rollup (
    petition_id BIGINT NOT NULL REFERENCES petitions (id),
    dimension TEXT NOT NULL,
    hour TIMESTAMP NOT NULL,
    key TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (petition_id, dimension, hour, key)
);
CREATE INDEX signature_rollup_top ON signature_rollup (petition_id, dimension, hour, n);
