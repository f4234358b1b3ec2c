-- An update speaks each language its petition has (issue "Look like a campaign people
-- trust"): `title` and `body` are in `lang` (the petition's own language, as before), and
-- `title_tr` and `body_tr` in its other language, or empty where the campaigner wrote one.
ALTER TABLE petition_updates ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE petition_updates ADD COLUMN title_tr TEXT NOT NULL DEFAULT '';
ALTER TABLE petition_updates ADD COLUMN body_tr TEXT NOT NULL DEFAULT '';
UPDATE petition_updates SET lang = (SELECT lang FROM petitions WHERE petitions.id = petition_updates.petition_id);
