-- Busy on the server for a few seconds (it does not notice its client vanishing, unlike SLEEP):
-- long enough to kill the tool while it runs.
CREATE TABLE item_snapshot AS SELECT id, name, BENCHMARK(10000000, MD5(name)) AS busy FROM item;

ALTER TABLE item ADD COLUMN note VARCHAR(64) NULL, ALGORITHM=INSTANT;
