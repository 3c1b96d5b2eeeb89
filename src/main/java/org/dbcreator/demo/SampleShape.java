package org.dbcreator.demo;

import java.util.List;
import java.util.Optional;

/**
 * How many rows each table of the sample gets for a requested size, and how the load is cut into
 * batches: every batch holds up to {@link #BATCH_ROWS} consecutive ids of one table, tables in
 * foreign-key order. Depends on the size alone, so a batch number always means the same rows.
 *
 * @param rows the requested size: the rows of each of the two append-only tables
 */
record SampleShape(long rows, int dataCenters, long accounts, long hosts, long vms) {

    static final int BATCH_ROWS = 5_000;

    static SampleShape of(long rows) {
        int dataCenters = (int) Math.max(2, Math.min(6, Math.floor(Math.log10(Math.max(rows, 1)))));
        return new SampleShape(rows, dataCenters, Math.max(10, rows / 100), Math.max(10, rows / 1_000),
                Math.max(20, rows / 20));
    }

    /** The tables in the order they are loaded, each with its row count. */
    List<Segment> segments() {
        return List.of(new Segment(SampleTable.DATA_CENTER, dataCenters), new Segment(SampleTable.ACCOUNT, accounts),
                new Segment(SampleTable.HOST, hosts), new Segment(SampleTable.VM_INSTANCE, vms),
                new Segment(SampleTable.EVENT, rows), new Segment(SampleTable.USAGE_EVENT, rows));
    }

    /** Which ids of which table batch number {@code batch} holds; empty past the last batch. */
    Optional<Slice> slice(int batch) {
        long remaining = batch;
        for (Segment segment : segments()) {
            long batches = (segment.rows() + BATCH_ROWS - 1) / BATCH_ROWS;
            if (remaining < batches) {
                long first = 1 + remaining * BATCH_ROWS;
                return Optional.of(new Slice(segment.table(), first, Math.min(BATCH_ROWS, segment.rows() - first + 1)));
            }
            remaining -= batches;
        }
        return Optional.empty();
    }

    record Segment(SampleTable table, long rows) {}

    /** Ids {@code firstId} to {@code firstId + count - 1} of one table. */
    record Slice(SampleTable table, long firstId, long count) {}
}
