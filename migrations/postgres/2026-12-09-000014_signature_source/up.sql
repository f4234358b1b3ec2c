-- Where a signature came from (issue "Pressure where it counts"): the `?source=` code of the
-- link the signer followed (a partner group's, say), so each group sees what its own outreach
-- brought in. Lowercase letters, digits, '-' and '_', at most 40; NULL when there was none.
ALTER TABLE signatures ADD COLUMN source TEXT;
CREATE INDEX signatures_petition_source ON signatures (petition_id, source);
