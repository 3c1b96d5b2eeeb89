-- DemoCloud 4.3.0 expand. Nodes of 4.0.0 to 4.2.0 keep running until cleanup: each change below
-- leaves what they read and write in place.

-- 1. A host's capacity moves out of host (cpu_cores, ram_mb) into host_capacity, where 4.3.0
--    adds overcommit ratios. Old nodes keep writing host.cpu_cores and host.ram_mb: the triggers
--    copy each such write into host_capacity, and BackfillHostCapacity copies the hosts written
--    before. While the phase is EXPANDED, 4.3.0 nodes write both places, so that old nodes still
--    read every host's capacity; from cleanup on they write host_capacity only.
CREATE TABLE host_capacity (
  host_id BIGINT UNSIGNED NOT NULL,
  cpu_cores INT UNSIGNED NOT NULL,
  ram_mb BIGINT UNSIGNED NOT NULL,
  cpu_overcommit DECIMAL(4,2) NOT NULL DEFAULT 1.00,
  ram_overcommit DECIMAL(4,2) NOT NULL DEFAULT 1.00,
  PRIMARY KEY (host_id),
  CONSTRAINT fk_host_capacity_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 4.3.0 nodes insert hosts without the old columns once cleanup has begun, before it drops them.
ALTER TABLE host MODIFY COLUMN cpu_cores INT UNSIGNED NULL, MODIFY COLUMN ram_mb BIGINT UNSIGNED NULL,
  ALGORITHM=INPLACE, LOCK=NONE;

DELIMITER $$
-- AFTER triggers that write the other table: MySQL forbids a trigger to write its own table.
CREATE TRIGGER host_copy_capacity_on_insert AFTER INSERT ON host FOR EACH ROW
BEGIN
  IF NEW.cpu_cores IS NOT NULL AND NEW.ram_mb IS NOT NULL THEN
    INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) VALUES (NEW.id, NEW.cpu_cores, NEW.ram_mb)
      ON DUPLICATE KEY UPDATE cpu_cores = NEW.cpu_cores, ram_mb = NEW.ram_mb;
  END IF;
END$$

-- Hosts are updated often (status, heartbeats): copy only when the capacity changed.
CREATE TRIGGER host_copy_capacity_on_update AFTER UPDATE ON host FOR EACH ROW
BEGIN
  IF NEW.cpu_cores IS NOT NULL AND NEW.ram_mb IS NOT NULL
      AND NOT (NEW.cpu_cores <=> OLD.cpu_cores AND NEW.ram_mb <=> OLD.ram_mb) THEN
    INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) VALUES (NEW.id, NEW.cpu_cores, NEW.ram_mb)
      ON DUPLICATE KEY UPDATE cpu_cores = NEW.cpu_cores, ram_mb = NEW.ram_mb;
  END IF;
END$$
DELIMITER ;

-- 2. Accounts belong to domains; every account of today belongs to ROOT. Old nodes create
--    accounts without a domain, so domain_id stays NULL-able until cleanup.
CREATE TABLE domain (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  uuid CHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  parent_id BIGINT UNSIGNED NULL,
  created DATETIME NOT NULL,
  removed DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_domain_uuid (uuid),
  KEY ix_domain_parent (parent_id),
  CONSTRAINT fk_domain_parent FOREIGN KEY (parent_id) REFERENCES domain (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO domain (id, uuid, name, parent_id, created) VALUES (1, UUID(), 'ROOT', NULL, NOW());

ALTER TABLE account ADD COLUMN domain_id BIGINT UNSIGNED NULL, ALGORITHM=INSTANT;

CREATE INDEX ix_account_domain ON account (domain_id) ALGORITHM=INPLACE LOCK=NONE;

-- 3. Cleanup gives host.mgmt_server_id a foreign key to mshost; its index is built now, online.
CREATE INDEX ix_host_mgmt_server ON host (mgmt_server_id) ALGORITHM=INPLACE LOCK=NONE;
