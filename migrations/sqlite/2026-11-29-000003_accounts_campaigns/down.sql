DROP TRIGGER petition_texts_search_update;
DROP TRIGGER petition_texts_search_delete;
DROP TRIGGER petition_texts_search_insert;
DROP TABLE petition_search;
DROP TABLE petition_updates;
ALTER TABLE outbox DROP COLUMN unsubscribe_url;
DROP TABLE user_tokens;
-- The petitions table keeps its new columns (SQLite cannot drop a referenced column cheaply);
-- users stays while petitions may reference it.
