package org.dbcreator.backup;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Counts a restore's rows per table from its INSERT statements as they run (on whichever
 * connection runs them, so the count costs the reading thread nothing) and reports them from the
 * reading thread, with the time left judged by how much of the file has been read.
 */
final class RestoreProgress {

    private final ProgressListener listener;
    private final DoubleSupplier fractionRead;
    private final Map<String, LongAdder[]> tables = new ConcurrentHashMap<>(); // rows, bytes
    private final Map<String, Boolean> order = new LinkedHashMap<>(); // tables in the dump's order; reading thread only
    private final long started = System.nanoTime();
    /** INSERTs parsed on the reading thread and not yet run, by identity: a few at a time. */
    private final Map<DumpStatement, InsertRows> parsed = Collections.synchronizedMap(new IdentityHashMap<>());

    /** @param fractionRead how much of the file has been read, for the time left */
    RestoreProgress(ProgressListener listener, DoubleSupplier fractionRead) {
        this.listener = listener;
        this.fractionRead = fractionRead;
    }

    /** A statement was read and handed on: reports its table's count so far. */
    void read(DumpStatement s) {
        CreatedTable.nameOf(s.sql()).ifPresent(t -> order.putIfAbsent(t, Boolean.TRUE));
        if (s.startsWithIgnoreCase("INSERT")) {
            InsertRows.tableOf(s.sql()).ifPresent(table -> {
                order.putIfAbsent(table, Boolean.TRUE);
                LongAdder[] counts = counts(table);
                listener.onEvent(new ProgressEvent.TableProgress(table, counts[0].sum(), counts[1].sum(), false, remaining()));
            });
        }
    }

    /**
     * The reading thread has parsed this INSERT already (to check it): the thread that runs it
     * takes the count from here instead of parsing it again. Call before the statement is handed on.
     */
    void parsed(DumpStatement s, InsertRows insert) {
        parsed.put(s, insert);
    }

    /** A statement ran; called on the thread that ran it. */
    void executed(DumpStatement s) {
        InsertRows known = parsed.remove(s);
        Optional<InsertRows> insert = known != null ? Optional.of(known)
                : s.startsWithIgnoreCase("INSERT") ? InsertRows.of(s.sql()) : Optional.empty();
        insert.ifPresent(i -> {
            LongAdder[] counts = counts(i.table());
            counts[0].add(i.rows());
            counts[1].add(s.sql().length());
        });
    }

    /** Every table is finished once the last statement ran. */
    void finish() {
        order.keySet().forEach(name -> {
            LongAdder[] t = counts(name);
            listener.onEvent(new ProgressEvent.TableProgress(name, t[0].sum(), t[1].sum(), true, Optional.of(Duration.ZERO)));
        });
    }

    Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        order.keySet().forEach(name -> rows.put(name, counts(name)[0].sum()));
        return rows;
    }

    long rows() {
        return rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
    }

    private LongAdder[] counts(String table) {
        return tables.computeIfAbsent(table, t -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    private Optional<Duration> remaining() {
        double done = fractionRead.getAsDouble();
        long elapsed = System.nanoTime() - started;
        if (done <= 0 || elapsed < 1_000_000_000L) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) (elapsed * (1 - done) / done)));
    }
}
