-- A careless 1.1.0 expand: one finding of several rules.
ALTER TABLE host
  ADD COLUMN zone_id BIGINT UNSIGNED NOT NULL,
  DROP COLUMN note;

ALTER TABLE host ADD COLUMN IF NOT EXISTS remark VARCHAR(64) NULL, ALGORITHM=INSTANT;

ALTER TABLE event ADD COLUMN level VARCHAR(16) NULL;

DROP INDEX ix_host_name ON host;
