-- API tokens that admins issue to partner groups' systems (issue "Pressure where it counts"):
-- each reads and records signatures through /osdi/v1 under its group's source code, so what it
-- brings in is credited to the group, and what it reads is only its group's. Only the token's
-- SHA-256 is kept; the token itself is shown once, when it is issued.
CREATE TABLE api_tokens (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    -- The admin who issued it; none when it was issued at the command line.
    created_by BIGINT REFERENCES users (id),
    revoked_at TIMESTAMP,
    last_used_at TIMESTAMP
);
