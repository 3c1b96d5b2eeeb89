-- 1.1.0 no longer looks hosts up by name; 1.0.0 nodes still do.
DROP INDEX ix_host_name ON host;
