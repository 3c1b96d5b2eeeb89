-- Lint fixture baseline 1.0.0: a small product schema, the same in every fixture.
CREATE TABLE account (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE host (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(255) NOT NULL,
  account_id BIGINT UNSIGNED NULL,
  cpu_cores INT UNSIGNED NOT NULL,
  status VARCHAR(32) NOT NULL DEFAULT 'Up',
  note VARCHAR(32) NULL,
  PRIMARY KEY (id),
  KEY ix_host_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The manifest declares this one large.
CREATE TABLE event (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  type VARCHAR(64) NOT NULL,
  description VARCHAR(1024) NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  created DATETIME NOT NULL,
  PRIMARY KEY (id),
  KEY ix_event_created (created)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
