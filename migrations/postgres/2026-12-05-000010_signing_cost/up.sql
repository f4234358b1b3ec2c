-- Signing pays less for encryption at rest (issue "Signers own their data").
--
-- An email's bodies are sealed (deflated, encrypted, base64): a confirmation's row is about
-- 2.4 kB, past the 2 kB at which PostgreSQL starts moving values into the TOAST table, and
-- sealed bytes do not compress, so each signature paid for a TOAST row and its index entry.
-- Rows up to a page stay whole now; the bodies are dropped once the email is sent.
ALTER TABLE outbox SET (toast_tuple_target = 8160);
