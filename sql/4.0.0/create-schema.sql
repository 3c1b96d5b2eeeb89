-- DemoCloud 4.0.0: the baseline schema. Released: never edit this file.

-- Management-server nodes register here and heartbeat every few seconds.
CREATE TABLE mshost (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  version VARCHAR(32) NOT NULL,
  state VARCHAR(16) NOT NULL DEFAULT 'Up' COMMENT 'Up, Down',
  service_ip VARCHAR(45) NULL,
  last_update DATETIME(3) NOT NULL,
  created DATETIME NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_mshost_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE data_center (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  uuid CHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  description VARCHAR(1024) NULL,
  network_type VARCHAR(16) NOT NULL DEFAULT 'Advanced',
  created DATETIME NOT NULL,
  removed DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_data_center_uuid (uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  uuid CHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  type TINYINT NOT NULL COMMENT '0 user, 1 admin, 2 domain admin',
  state VARCHAR(16) NOT NULL DEFAULT 'enabled',
  created DATETIME NOT NULL,
  removed DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_account_uuid (uuid),
  KEY ix_account_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Hypervisor hosts. 4.0.0 identifies them by id only; 4.1.0 adds a uuid.
CREATE TABLE host (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  data_center_id BIGINT UNSIGNED NOT NULL,
  private_ip VARCHAR(45) NULL,
  hypervisor_type VARCHAR(32) NOT NULL,
  status VARCHAR(32) NOT NULL DEFAULT 'Up',
  cpu_cores INT UNSIGNED NOT NULL,
  ram_mb BIGINT UNSIGNED NOT NULL,
  mgmt_server_id BIGINT UNSIGNED NULL COMMENT 'the mshost that manages this host',
  created DATETIME NOT NULL,
  removed DATETIME NULL,
  PRIMARY KEY (id),
  KEY ix_host_data_center (data_center_id),
  CONSTRAINT fk_host_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE vm_instance (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  uuid CHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  display_name VARCHAR(255) NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  data_center_id BIGINT UNSIGNED NOT NULL,
  host_id BIGINT UNSIGNED NULL,
  state VARCHAR(32) NOT NULL,
  cpu INT UNSIGNED NOT NULL,
  ram_mb BIGINT UNSIGNED NOT NULL,
  created DATETIME NOT NULL,
  removed DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_vm_instance_uuid (uuid),
  KEY ix_vm_instance_account (account_id),
  KEY ix_vm_instance_host (host_id),
  KEY ix_vm_instance_data_center (data_center_id),
  CONSTRAINT fk_vm_instance_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_vm_instance_data_center FOREIGN KEY (data_center_id) REFERENCES data_center (id),
  CONSTRAINT fk_vm_instance_host FOREIGN KEY (host_id) REFERENCES host (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only audit events: the largest table in a real installation.
CREATE TABLE event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  type VARCHAR(64) NOT NULL,
  state VARCHAR(16) NOT NULL DEFAULT 'Completed',
  description VARCHAR(1024) NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  level VARCHAR(16) NOT NULL DEFAULT 'INFO',
  created DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY ix_event_account_created (account_id, created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only usage records, read by billing.
CREATE TABLE usage_event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  type VARCHAR(32) NOT NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  zone_id BIGINT UNSIGNED NOT NULL,
  resource_id BIGINT UNSIGNED NULL,
  resource_name VARCHAR(255) NULL,
  size BIGINT UNSIGNED NULL,
  created DATETIME NOT NULL,
  processed TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_usage_event_created (created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE configuration (
  name VARCHAR(255) NOT NULL,
  category VARCHAR(64) NOT NULL DEFAULT 'Advanced',
  value VARCHAR(4096) NULL,
  default_value VARCHAR(4096) NULL,
  description VARCHAR(1024) NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO configuration (name, category, value, default_value, description) VALUES
  ('event.purge.days', 'Advanced', '90', '90', 'Days to keep events before purge_old_events removes them'),
  ('host.stats.interval', 'Advanced', '60000', '60000', 'Milliseconds between host statistics collections'),
  ('mshost.heartbeat.interval', 'Advanced', '1000', '1000', 'Milliseconds between node heartbeats');

CREATE VIEW vm_view AS
  SELECT v.id, v.uuid, v.name, v.state, v.cpu, v.ram_mb, a.name AS account_name,
         h.name AS host_name, d.name AS data_center_name
    FROM vm_instance v
    JOIN account a ON a.id = v.account_id
    JOIN data_center d ON d.id = v.data_center_id
    LEFT JOIN host h ON h.id = v.host_id
   WHERE v.removed IS NULL;

DELIMITER $$
-- Deletes events older than the configured retention, a bounded batch at a time.
CREATE PROCEDURE purge_old_events(IN batch_size INT)
BEGIN
  DECLARE keep_days INT DEFAULT 90;
  SELECT CAST(value AS UNSIGNED) INTO keep_days FROM configuration WHERE name = 'event.purge.days';
  DELETE FROM event WHERE created < NOW() - INTERVAL keep_days DAY ORDER BY id LIMIT batch_size;
END$$
DELIMITER ;
