-- No host has more than 65535 cores, but 1.0.0 nodes still write INT values.
ALTER TABLE host MODIFY COLUMN cpu_cores SMALLINT UNSIGNED NOT NULL;
