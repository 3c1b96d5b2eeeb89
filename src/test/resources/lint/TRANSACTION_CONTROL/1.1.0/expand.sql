-- Dump style: one transaction for the whole load, which the tool's journal cannot share.
SET autocommit = 0;
ALTER TABLE host ADD COLUMN zone INT NULL;
