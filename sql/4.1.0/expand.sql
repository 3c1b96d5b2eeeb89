-- DemoCloud 4.1.0 expand: hosts get a stable uuid.
-- 4.0.0 nodes keep inserting hosts without one: the column stays NULL-able until cleanup, and
-- the data migration BackfillHostUuid fills existing rows in small batches.
ALTER TABLE host ADD COLUMN uuid CHAR(36) NULL, ALGORITHM=INSTANT;

-- Looked up by 4.1.0 nodes; not unique yet because old nodes still write NULLs.
CREATE INDEX ix_host_uuid ON host (uuid) ALGORITHM=INPLACE LOCK=NONE;
