DROP TABLE petition_thresholds;
ALTER TABLE petition_updates DROP COLUMN response_id;
DROP TABLE response_documents;
DROP TABLE responses;
