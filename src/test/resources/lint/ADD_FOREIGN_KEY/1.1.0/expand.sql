-- 1.0.0 nodes may still write hosts of deleted accounts.
ALTER TABLE host ADD CONSTRAINT fk_host_account FOREIGN KEY (account_id) REFERENCES account (id);
