-- DemoCloud 4.3.0 rollback: undoes the expand (only before cleanup, while older nodes may run).
ALTER TABLE host DROP INDEX ix_host_mgmt_server, ALGORITHM=INPLACE, LOCK=NONE;

ALTER TABLE account DROP INDEX ix_account_domain, DROP COLUMN domain_id, ALGORITHM=INPLACE, LOCK=NONE;

DROP TABLE domain;

DROP TRIGGER host_copy_capacity_on_update;

DROP TRIGGER host_copy_capacity_on_insert;

-- 4.3.0 nodes wrote both places while EXPANDED; should a host lack the old columns, they come back.
UPDATE host h JOIN host_capacity c ON c.host_id = h.id
   SET h.cpu_cores = c.cpu_cores, h.ram_mb = c.ram_mb
 WHERE h.cpu_cores IS NULL OR h.ram_mb IS NULL;

ALTER TABLE host MODIFY COLUMN cpu_cores INT UNSIGNED NOT NULL, MODIFY COLUMN ram_mb BIGINT UNSIGNED NOT NULL,
  ALGORITHM=INPLACE, LOCK=NONE;

DROP TABLE host_capacity;
