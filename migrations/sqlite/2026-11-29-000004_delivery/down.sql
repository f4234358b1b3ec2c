DROP INDEX signatures_petition_pc;
DROP TABLE staff_jobs;
DROP TABLE deliveries;
DROP TABLE outbox_attachments;
DROP TABLE letter_templates;
ALTER TABLE recipients DROP COLUMN postal_address;
ALTER TABLE recipients DROP COLUMN email;
