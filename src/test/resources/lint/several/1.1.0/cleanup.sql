-- The cleanup may drop what it likes, but must not copy the large event table.
ALTER TABLE host DROP COLUMN status;

ALTER TABLE event DROP COLUMN description, ALGORITHM=COPY;

/*M!100301 ALTER TABLE host ADD COLUMN checked DATETIME NULL */;
