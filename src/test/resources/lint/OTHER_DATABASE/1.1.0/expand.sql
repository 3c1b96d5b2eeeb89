-- Another database's host is not the product's: only OTHER_DATABASE, no DROP_COLUMN.
ALTER TABLE archive.host DROP COLUMN note;
