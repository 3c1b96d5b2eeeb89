-- 1.1.0 starts with no hosts registered; 1.0.0 nodes still read theirs.
TRUNCATE TABLE host;
