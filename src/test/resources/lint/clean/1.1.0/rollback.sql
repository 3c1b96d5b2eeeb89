-- Undoes the expand of 1.1.0 (only before the cleanup).
DROP TABLE host_tag;

DROP INDEX ix_event_type ON event ALGORITHM=INPLACE LOCK=NONE;

ALTER TABLE event DROP COLUMN level, ALGORITHM=INPLACE, LOCK=NONE;

ALTER TABLE host DROP COLUMN zone_id, DROP COLUMN state, ALGORITHM=INPLACE, LOCK=NONE;
