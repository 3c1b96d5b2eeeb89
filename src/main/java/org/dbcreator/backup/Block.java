package org.dbcreator.backup;

/**
 * A compressed piece of the dump made by a worker, with what it holds for progress and checksums.
 *
 * @param gzip a complete gzip member; empty for the marker that ends a unit of an empty table
 * @param rows rows in this block
 * @param rawBytes uncompressed SQL bytes in this block
 * @param checksum the rows' part of their table's content checksum
 * @param unitDone true for the last block of its unit
 */
record Block(String table, byte[] gzip, long rows, long rawBytes, ContentChecksum checksum, boolean unitDone) {}
