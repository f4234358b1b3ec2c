-- A campaign people trust (issue "Look like a campaign people trust").
--
-- Confirmed signatures per petition and day (India's day, UTC+05:30), kept by the counter in
-- the same transaction as the petition's total and taken back with it when signatures are
-- invalidated, so "N signed today" and the campaigner's chart agree with every other count.
CREATE TABLE daily_counts (
    petition_id BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (petition_id, day)
);
INSERT INTO daily_counts (petition_id, day, count)
SELECT petition_id, date(confirmed_at, '+330 minutes'), COUNT(*)
FROM signatures WHERE counted = TRUE AND confirmed_at IS NOT NULL
GROUP BY 1, 2;

-- The starter's name is shown on the petition only if they agreed.
ALTER TABLE petitions ADD COLUMN show_starter BOOLEAN NOT NULL DEFAULT FALSE;
-- Staff choose the campaigns the home page leads with.
ALTER TABLE petitions ADD COLUMN featured BOOLEAN NOT NULL DEFAULT FALSE;
