-- DemoCloud 4.2.0 rollback: undoes the expand (only before cleanup, while older nodes may run).
-- Events written by 4.2.0 nodes keep the level the triggers gave them.
DROP PROCEDURE account_usage;

DROP VIEW event_view;

ALTER TABLE usage_event DROP INDEX ix_usage_event_account_created, ALGORITHM=INPLACE, LOCK=NONE;

DROP TRIGGER event_sync_severity_on_update;

DROP TRIGGER event_sync_severity_on_insert;

ALTER TABLE event DROP COLUMN severity, ALGORITHM=INPLACE, LOCK=NONE;
