-- DemoCloud 4.1.0 rollback: undoes the expand (only before cleanup).
DROP INDEX ix_host_uuid ON host;

ALTER TABLE host DROP COLUMN uuid;
