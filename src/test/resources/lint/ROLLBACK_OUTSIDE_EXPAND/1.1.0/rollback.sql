-- Undoes the label, and takes the note that 1.0.0 nodes still write with it.
ALTER TABLE host DROP COLUMN label, DROP COLUMN note, ALGORITHM=INPLACE, LOCK=NONE;
