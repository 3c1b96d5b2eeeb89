-- DemoCloud 4.1.0 rollback: undoes the expand (only before cleanup, while 4.0.0 nodes may run).
ALTER TABLE host DROP INDEX ix_host_uuid, ALGORITHM=INPLACE, LOCK=NONE;

ALTER TABLE host DROP COLUMN uuid, ALGORITHM=INPLACE, LOCK=NONE;
