-- 1.1.0 keeps hosts elsewhere, but 1.0.0 nodes still read this table.
DROP TABLE host;
