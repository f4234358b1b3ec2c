DROP TABLE mail_suppressions;
DROP TABLE rate_limits;
