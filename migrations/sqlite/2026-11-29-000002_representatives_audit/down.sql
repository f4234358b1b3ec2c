DROP INDEX signatures_petition_order;
DROP TABLE audit_log;
DROP TABLE representatives;
