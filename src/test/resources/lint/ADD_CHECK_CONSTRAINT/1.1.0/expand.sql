-- 1.0.0 nodes may still write hosts with 0 cores.
ALTER TABLE host ADD CONSTRAINT ck_host_cores CHECK (cpu_cores > 0);
