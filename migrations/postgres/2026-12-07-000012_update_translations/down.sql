ALTER TABLE petition_updates DROP COLUMN body_tr;
ALTER TABLE petition_updates DROP COLUMN title_tr;
ALTER TABLE petition_updates DROP COLUMN lang;
