-- DemoCloud oldest -> latest: every expand script, the data migrations, every cleanup script,
-- as DatabaseCreator sent them (captured from the server's general log by
-- org.dbcreator.bench.UpgradeStatements; the engine's own journal, history, state and lock
-- statements are left out). For the stock client (mariadb DB < file) and Flyway alike.

-- 4.1.0/expand.sql
ALTER TABLE host ADD COLUMN uuid CHAR(36) NULL, ALGORITHM=INSTANT;
CREATE INDEX ix_host_uuid ON host (uuid) ALGORITHM=INPLACE LOCK=NONE;

-- org.dbcreator.demo.BackfillHostUuid (the statements it sent, as the server logged them)
UPDATE host SET uuid = UUID() WHERE uuid IS NULL ORDER BY id LIMIT 2000;
UPDATE host SET uuid = UUID() WHERE uuid IS NULL ORDER BY id LIMIT 2000;

-- 4.2.0/expand.sql
ALTER TABLE event ADD COLUMN severity TINYINT UNSIGNED NULL, ALGORITHM=INSTANT;
DELIMITER $$
CREATE TRIGGER event_sync_severity_on_insert BEFORE INSERT ON event FOR EACH ROW
BEGIN
  IF NEW.severity IS NULL THEN
    SET NEW.severity = CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END;
  ELSEIF NEW.severity <> CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END THEN
    SET NEW.level = CASE WHEN NEW.severity <= 3 THEN 'ERROR' WHEN NEW.severity = 4 THEN 'WARN'
                         WHEN NEW.severity >= 7 THEN 'DEBUG' ELSE 'INFO' END;
  END IF;
END$$
DELIMITER ;
DELIMITER $$
CREATE TRIGGER event_sync_severity_on_update BEFORE UPDATE ON event FOR EACH ROW
BEGIN
  IF NOT (NEW.level <=> OLD.level) AND NEW.severity <=> OLD.severity THEN
    SET NEW.severity = CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END;
  ELSEIF NEW.severity <> CASE NEW.level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END THEN
    SET NEW.level = CASE WHEN NEW.severity <= 3 THEN 'ERROR' WHEN NEW.severity = 4 THEN 'WARN'
                         WHEN NEW.severity >= 7 THEN 'DEBUG' ELSE 'INFO' END;
  END IF;
END$$
DELIMITER ;
CREATE INDEX ix_usage_event_account_created ON usage_event (account_id, created) ALGORITHM=INPLACE LOCK=NONE;
CREATE SQL SECURITY INVOKER VIEW event_view AS
  SELECT e.id, e.type, e.state, e.severity,
         CASE WHEN e.severity <= 3 THEN 'ERROR' WHEN e.severity = 4 THEN 'WARN' WHEN e.severity >= 7 THEN 'DEBUG'
              WHEN e.severity IS NOT NULL THEN 'INFO' END AS severity_name, -- NULL until backfilled
         e.description, e.account_id, a.name AS account_name, e.created
    FROM event e
    JOIN account a ON a.id = e.account_id;
DELIMITER $$
CREATE PROCEDURE account_usage(IN p_account_id BIGINT UNSIGNED, IN p_from DATETIME, IN p_to DATETIME)
  READS SQL DATA
  SQL SECURITY INVOKER
BEGIN
  SELECT type, COUNT(*) AS records, SUM(size) AS total_size
    FROM usage_event
   WHERE account_id = p_account_id AND created >= p_from AND created < p_to
   GROUP BY type
   ORDER BY type;
END$$
DELIMITER ;

-- org.dbcreator.demo.BackfillEventSeverity (the statements it sent, as the server logged them)
SELECT id FROM event WHERE severity IS NULL ORDER BY id LIMIT 1;
SELECT MAX(id) FROM event;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 1 AND id < 2001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 2001 AND id < 4001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 4001 AND id < 6001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 6001 AND id < 8001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 8001 AND id < 10001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 10001 AND id < 12001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 12001 AND id < 14001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 14001 AND id < 16001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 16001 AND id < 18001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 18001 AND id < 20001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 20001 AND id < 22001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 22001 AND id < 24001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 24001 AND id < 26001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 26001 AND id < 28001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 28001 AND id < 30001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 30001 AND id < 32001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 32001 AND id < 34001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 34001 AND id < 36001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 36001 AND id < 38001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 38001 AND id < 40001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 40001 AND id < 42001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 42001 AND id < 44001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 44001 AND id < 46001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 46001 AND id < 48001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 48001 AND id < 50001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 50001 AND id < 52001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 52001 AND id < 54001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 54001 AND id < 56001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 56001 AND id < 58001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 58001 AND id < 60001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 60001 AND id < 62001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 62001 AND id < 64001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 64001 AND id < 66001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 66001 AND id < 68001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 68001 AND id < 70001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 70001 AND id < 72001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 72001 AND id < 74001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 74001 AND id < 76001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 76001 AND id < 78001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 78001 AND id < 80001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 80001 AND id < 82001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 82001 AND id < 84001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 84001 AND id < 86001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 86001 AND id < 88001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 88001 AND id < 90001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 90001 AND id < 92001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 92001 AND id < 94001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 94001 AND id < 96001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 96001 AND id < 98001 AND severity IS NULL;
UPDATE event SET severity = CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END WHERE id >= 98001 AND id < 100001 AND severity IS NULL;

-- 4.3.0/expand.sql
CREATE TABLE host_capacity (
  host_id BIGINT UNSIGNED NOT NULL,
  cpu_cores INT UNSIGNED NOT NULL,
  ram_mb BIGINT UNSIGNED NOT NULL,
  cpu_overcommit DECIMAL(4,2) NOT NULL DEFAULT 1.00,
  ram_overcommit DECIMAL(4,2) NOT NULL DEFAULT 1.00,
  PRIMARY KEY (host_id),
  CONSTRAINT fk_host_capacity_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE host MODIFY COLUMN cpu_cores INT UNSIGNED NULL, MODIFY COLUMN ram_mb BIGINT UNSIGNED NULL,
  ALGORITHM=INPLACE, LOCK=NONE;
DELIMITER $$
CREATE TRIGGER host_copy_capacity_on_insert AFTER INSERT ON host FOR EACH ROW
BEGIN
  IF NEW.cpu_cores IS NOT NULL AND NEW.ram_mb IS NOT NULL THEN
    INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) VALUES (NEW.id, NEW.cpu_cores, NEW.ram_mb)
      ON DUPLICATE KEY UPDATE cpu_cores = NEW.cpu_cores, ram_mb = NEW.ram_mb;
  END IF;
END$$
DELIMITER ;
DELIMITER $$
CREATE TRIGGER host_copy_capacity_on_update AFTER UPDATE ON host FOR EACH ROW
BEGIN
  IF NEW.cpu_cores IS NOT NULL AND NEW.ram_mb IS NOT NULL
      AND NOT (NEW.cpu_cores <=> OLD.cpu_cores AND NEW.ram_mb <=> OLD.ram_mb) THEN
    INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) VALUES (NEW.id, NEW.cpu_cores, NEW.ram_mb)
      ON DUPLICATE KEY UPDATE cpu_cores = NEW.cpu_cores, ram_mb = NEW.ram_mb;
  END IF;
END$$
DELIMITER ;
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
CREATE INDEX ix_host_mgmt_server ON host (mgmt_server_id) ALGORITHM=INPLACE LOCK=NONE;

-- org.dbcreator.demo.BackfillHostCapacity (the statements it sent, as the server logged them)
SELECT h.id FROM host h LEFT JOIN host_capacity c ON c.host_id = h.id WHERE c.host_id IS NULL AND h.cpu_cores IS NOT NULL AND h.ram_mb IS NOT NULL ORDER BY h.id LIMIT 1;
SELECT MAX(id) FROM host;
INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) SELECT id, cpu_cores, ram_mb FROM host WHERE id >= 1 AND id < 2001 AND cpu_cores IS NOT NULL AND ram_mb IS NOT NULL ON DUPLICATE KEY UPDATE host_id = host_capacity.host_id;

-- 4.1.0/cleanup.sql
UPDATE host SET uuid = UUID() WHERE uuid IS NULL;
ALTER TABLE host MODIFY COLUMN uuid CHAR(36) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE host ADD UNIQUE KEY uk_host_uuid (uuid), DROP INDEX ix_host_uuid, ALGORITHM=INPLACE, LOCK=NONE;

-- 4.2.0/cleanup.sql
DROP TRIGGER event_sync_severity_on_insert;
DROP TRIGGER event_sync_severity_on_update;
ALTER TABLE event MODIFY COLUMN severity TINYINT UNSIGNED NOT NULL, DROP COLUMN level, ALGORITHM=INPLACE, LOCK=NONE;

-- 4.3.0/cleanup.sql
DROP TRIGGER host_copy_capacity_on_insert;
DROP TRIGGER host_copy_capacity_on_update;
INSERT INTO host_capacity (host_id, cpu_cores, ram_mb)
  SELECT h.id, h.cpu_cores, h.ram_mb FROM host h LEFT JOIN host_capacity c ON c.host_id = h.id
   WHERE c.host_id IS NULL AND h.cpu_cores IS NOT NULL AND h.ram_mb IS NOT NULL;
ALTER TABLE host DROP COLUMN cpu_cores, DROP COLUMN ram_mb, ALGORITHM=INPLACE, LOCK=NONE;
UPDATE account SET domain_id = 1 WHERE domain_id IS NULL;
ALTER TABLE account MODIFY COLUMN domain_id BIGINT UNSIGNED NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = 0;
ALTER TABLE account ADD CONSTRAINT fk_account_domain FOREIGN KEY (domain_id) REFERENCES domain (id),
  ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE host ADD CONSTRAINT fk_host_mshost FOREIGN KEY (mgmt_server_id) REFERENCES mshost (id)
  ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
UPDATE host SET mgmt_server_id = NULL
 WHERE mgmt_server_id IS NOT NULL AND mgmt_server_id NOT IN (SELECT id FROM mshost);
SET foreign_key_checks = 1;
