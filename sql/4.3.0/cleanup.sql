-- DemoCloud 4.3.0 cleanup: every node runs 4.3.0 and writes host_capacity itself.
DROP TRIGGER host_copy_capacity_on_insert;

DROP TRIGGER host_copy_capacity_on_update;

-- A guard before the old columns go: the triggers and BackfillHostCapacity have copied every host,
-- so this normally inserts nothing; it would catch a host written against the contract. (A join,
-- not a subquery: MySQL refuses a subquery on the table being inserted into.)
INSERT INTO host_capacity (host_id, cpu_cores, ram_mb)
  SELECT h.id, h.cpu_cores, h.ram_mb FROM host h LEFT JOIN host_capacity c ON c.host_id = h.id
   WHERE c.host_id IS NULL AND h.cpu_cores IS NOT NULL AND h.ram_mb IS NOT NULL;

ALTER TABLE host DROP COLUMN cpu_cores, DROP COLUMN ram_mb, ALGORITHM=INPLACE, LOCK=NONE;

-- Constraints old nodes could break, tightened now that they are gone. Accounts that old nodes
-- created have no domain: they join ROOT.
UPDATE account SET domain_id = 1 WHERE domain_id IS NULL;

ALTER TABLE account MODIFY COLUMN domain_id BIGINT UNSIGNED NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- Both servers add a foreign key in place (without copying the table) only with
-- foreign_key_checks off, which also skips checking the existing rows: the statements around
-- each ALTER make sure none violates it. The setting is this session's only.
SET foreign_key_checks = 0;

ALTER TABLE account ADD CONSTRAINT fk_account_domain FOREIGN KEY (domain_id) REFERENCES domain (id),
  ALGORITHM=INPLACE, LOCK=NONE;

-- Old nodes left hosts pointing at nodes since removed from mshost. The key goes on first: from
-- then on removing a node clears its hosts, so the fix below leaves no dangling reference behind.
ALTER TABLE host ADD CONSTRAINT fk_host_mshost FOREIGN KEY (mgmt_server_id) REFERENCES mshost (id)
  ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;

UPDATE host SET mgmt_server_id = NULL
 WHERE mgmt_server_id IS NOT NULL AND mgmt_server_id NOT IN (SELECT id FROM mshost);

SET foreign_key_checks = 1;
