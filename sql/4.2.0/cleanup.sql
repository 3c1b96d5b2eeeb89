-- DemoCloud 4.2.0 cleanup: every node runs 4.2.0 and writes severity itself.
DROP TRIGGER event_sync_severity_on_insert;

DROP TRIGGER event_sync_severity_on_update;

-- The triggers and BackfillEventSeverity left no row without a severity; should one remain, this
-- statement fails and changes nothing. One rebuild of the table does both changes.
ALTER TABLE event MODIFY COLUMN severity TINYINT UNSIGNED NOT NULL, DROP COLUMN level, ALGORITHM=INPLACE, LOCK=NONE;
