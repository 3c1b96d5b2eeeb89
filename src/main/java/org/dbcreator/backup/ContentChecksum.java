package org.dbcreator.backup;

/**
 * A table's content checksum: the row count and an order-independent sum of per-row hashes. A
 * row's hash is taken over the row exactly as the dump writes it (its SQL literal), which is a
 * function of the values read over JDBC alone; so the same rows give the same checksum at backup
 * and after a restore, in any order, on any server release. Not cryptographic: it finds damage,
 * not forgery. The sum (not XOR) keeps duplicate rows from cancelling out.
 */
final class ContentChecksum {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long rows;
    private long sum;

    ContentChecksum() {}

    ContentChecksum(long rows, long sum) {
        this.rows = rows;
        this.sum = sum;
    }

    void addRow(byte[] bytes, int from, int to) {
        rows++;
        sum += rowHash(bytes, from, to);
    }

    void add(ContentChecksum other) {
        rows += other.rows;
        sum += other.sum;
    }

    long rows() {
        return rows;
    }

    long sum() {
        return sum;
    }

    /** 16 hex digits, as the manifest records it. */
    String hex() {
        return String.format("%016x", sum);
    }

    /**
     * FNV-1a over the bytes (each step is a bijection, so two rows of equal length that differ in
     * one byte never collide), then a finalizer that spreads the bits before they are summed.
     */
    static long rowHash(byte[] bytes, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xff)) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
