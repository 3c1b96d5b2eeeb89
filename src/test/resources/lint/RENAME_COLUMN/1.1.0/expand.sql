-- 1.1.0 calls the note a remark; 1.0.0 nodes still say note.
ALTER TABLE host RENAME COLUMN note TO remark, ALGORITHM=INPLACE, LOCK=NONE;
