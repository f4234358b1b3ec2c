DROP INDEX recipients_seed_key;
ALTER TABLE recipients DROP COLUMN seed_key;
DROP INDEX outbox_account_mail;
