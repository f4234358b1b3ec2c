DROP INDEX signatures_petition_source;
ALTER TABLE signatures DROP COLUMN source;
