-- 1.1.0 no longer needs the note, but 1.0.0 nodes still write it.
ALTER TABLE host
  DROP COLUMN note,
  ALGORITHM=INPLACE, LOCK=NONE;
