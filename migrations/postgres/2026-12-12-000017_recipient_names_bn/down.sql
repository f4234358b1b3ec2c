ALTER TABLE recipients DROP COLUMN name_bn;
