-- The first schema's uniqueness by (petition_id, email), as an index of its own.
CREATE UNIQUE INDEX signatures_email ON signatures (petition_id, email);
