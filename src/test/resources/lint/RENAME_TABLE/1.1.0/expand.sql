-- 1.1.0 calls hosts servers; 1.0.0 nodes still say host.
RENAME TABLE host TO server;
