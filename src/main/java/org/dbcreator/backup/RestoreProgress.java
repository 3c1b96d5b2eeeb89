package org.dbcreator.backup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.dbcreator.engine.ProgressEvent;
import org.dbcreator.engine.ProgressListener;

/** Counts a restore's rows per table from its INSERT statements and reports them, with the time left by file position. */
final class RestoreProgress {

    private final ProgressListener listener;
    private final DoubleSupplier fractionRead;
    private final Map<String, long[]> tables = new LinkedHashMap<>(); // rows, bytes
    private final long started = System.nanoTime();

    RestoreProgress(ProgressListener listener, DoubleSupplier fractionRead) {
        this.listener = listener;
        this.fractionRead = fractionRead;
    }

    void statement(DumpStatement s) {
        CreatedTable.nameOf(s.sql()).ifPresent(t -> tables.putIfAbsent(t, new long[2]));
        if (!s.startsWithIgnoreCase("INSERT")) {
            return;
        }
        InsertRows.of(s.sql()).ifPresent(insert -> {
            long[] table = tables.computeIfAbsent(insert.table(), t -> new long[2]);
            table[0] += insert.rows();
            table[1] += s.sql().length();
            listener.onEvent(new ProgressEvent.TableProgress(insert.table(), table[0], table[1], false, remaining()));
        });
    }

    /** Every table is finished once the last statement ran. */
    void finish() {
        tables.forEach((name, t) -> listener.onEvent(new ProgressEvent.TableProgress(name, t[0], t[1], true,
                Optional.of(Duration.ZERO))));
    }

    Map<String, Long> rowsPerTable() {
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach((name, t) -> rows.put(name, t[0]));
        return rows;
    }

    long rows() {
        return tables.values().stream().mapToLong(t -> t[0]).sum();
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
