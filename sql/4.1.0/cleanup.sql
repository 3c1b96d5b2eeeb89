-- DemoCloud 4.1.0 cleanup: every node runs 4.1.0, so every host has a uuid from now on.
-- Rows written by 4.0.0 nodes after the backfill still lack one: fill them first.
UPDATE host SET uuid = UUID() WHERE uuid IS NULL;

ALTER TABLE host MODIFY COLUMN uuid CHAR(36) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

ALTER TABLE host ADD UNIQUE KEY uk_host_uuid (uuid), DROP INDEX ix_host_uuid, ALGORITHM=INPLACE, LOCK=NONE;
