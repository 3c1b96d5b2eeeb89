-- 1.1.0 only adds: every statement keeps 1.0.0 nodes working, and none copies the large event table.
ALTER TABLE host ADD COLUMN zone_id BIGINT UNSIGNED NULL, ALGORITHM=INSTANT;

-- NOT NULL with a DEFAULT: inserts of 1.0.0 nodes, which leave it out, get the default.
ALTER TABLE host ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'Enabled', ALGORITHM=INSTANT;

-- Widening within 255 bytes (48 x 4): 1.0.0 nodes write shorter notes, which still fit.
ALTER TABLE host MODIFY COLUMN note VARCHAR(48) NULL, ALGORITHM=INPLACE, LOCK=NONE;

ALTER TABLE event ADD COLUMN level VARCHAR(16) NULL, ALGORITHM=INSTANT;

CREATE INDEX ix_event_type ON event (type) ALGORITHM=INPLACE LOCK=NONE;

-- A new table is 1.1.0's own: its foreign key and unique key constrain no row of 1.0.0 nodes.
CREATE TABLE host_tag (
  host_id BIGINT UNSIGNED NOT NULL,
  tag VARCHAR(64) NOT NULL,
  CONSTRAINT fk_host_tag_host FOREIGN KEY (host_id) REFERENCES host (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE host_tag ADD UNIQUE KEY uk_host_tag (host_id, tag), ALGORITHM=INPLACE, LOCK=NONE;

UPDATE host SET state = 'Disabled' WHERE status = 'Down';

/* Statements in comments and strings never count: DROP TABLE host; TRUNCATE event; */
INSERT INTO event (type, description, account_id, created)
  VALUES ('lint', 'ALTER TABLE host DROP COLUMN note; DELETE FROM host', 1, NOW()); -- DROP TABLE event
