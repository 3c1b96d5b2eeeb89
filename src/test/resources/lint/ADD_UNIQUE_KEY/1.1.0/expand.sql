-- 1.0.0 nodes may still register two hosts of one name.
ALTER TABLE host ADD UNIQUE KEY uk_host_name (name), ALGORITHM=INPLACE, LOCK=NONE;
