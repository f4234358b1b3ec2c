-- The member of the Lok Sabha for each constituency (one row per seat; a vacant seat has none).
CREATE TABLE representatives (
    pc_id TEXT PRIMARY KEY NOT NULL REFERENCES constituencies (pc_id),
    name TEXT NOT NULL,
    party TEXT NOT NULL,
    email TEXT,
    postal_address TEXT,
    updated_at TIMESTAMP NOT NULL
);

-- Every export of personal data and every staff action: who, what, when, on what, how many.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    petition_id BIGINT REFERENCES petitions (id),
    details TEXT NOT NULL,
    row_count BIGINT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

-- A petition's signatures in order, page after page, for exports.
CREATE INDEX signatures_petition_order ON signatures (petition_id, id);
