-- Recipients' names in Bengali, as in Hindi (issue "Pressure where it counts": Bengali,
-- complete). Empty means the English name is shown.
ALTER TABLE recipients ADD COLUMN name_bn TEXT NOT NULL DEFAULT '';
UPDATE recipients SET name_bn = 'ভারতের সংসদ' WHERE seed_key = 'parliament';
UPDATE recipients SET name_bn = 'নারী ও শিশু উন্নয়ন মন্ত্রক' WHERE seed_key = 'ministry-wcd';
