DROP INDEX outbox_due_first;
