-- Account emails a stranger can cause (sign-up, password reset) are capped per address. This
-- index holds only those rows, so the count is one short range read and signing pays nothing.
CREATE INDEX outbox_account_mail ON outbox (recipient, created_at)
    WHERE kind IN ('account_confirm', 'account_exists', 'password_reset');

-- Seeded recipients are found again by a fixed key, whatever staff rename them to.
ALTER TABLE recipients ADD COLUMN seed_key TEXT;
UPDATE recipients SET seed_key = 'parliament' WHERE id = (
    SELECT MIN(id) FROM recipients WHERE kind = 'parliament' AND name = 'Parliament of India');
UPDATE recipients SET seed_key = 'ministry-wcd' WHERE id = (
    SELECT MIN(id) FROM recipients
    WHERE kind = 'ministry' AND name = 'Ministry of Women and Child Development');
CREATE UNIQUE INDEX recipients_seed_key ON recipients (seed_key);
