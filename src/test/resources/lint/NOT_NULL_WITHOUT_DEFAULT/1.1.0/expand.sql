-- 1.0.0 nodes insert hosts without a zone.
ALTER TABLE host ADD COLUMN zone_id BIGINT UNSIGNED NOT NULL, ALGORITHM=INSTANT;
