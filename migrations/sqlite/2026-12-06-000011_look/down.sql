ALTER TABLE petitions DROP COLUMN featured;
ALTER TABLE petitions DROP COLUMN show_starter;
DROP TABLE daily_counts;
