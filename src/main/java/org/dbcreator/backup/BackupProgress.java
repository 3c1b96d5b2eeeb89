package org.dbcreator.backup;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Sums the blocks per table on the writing thread, reports each table's progress and the time
 * left (judged by rows against the server's row estimates), and adds up the content checksums.
 */
final class BackupProgress {

    private final ProgressListener listener;
    private final Map<String, Integer> unitsLeft = new HashMap<>();
    private final Map<String, long[]> done = new HashMap<>(); // rows, bytes
    private final Map<String, ContentChecksum> checksums = new HashMap<>();
    private final long estimatedRows;
    private final long started = System.nanoTime();
    private long rowsDone;

    BackupProgress(ProgressListener listener, List<DumpUnit> units, long estimatedRows) {
        this.listener = listener;
        this.estimatedRows = estimatedRows;
        for (DumpUnit unit : units) {
            unitsLeft.merge(unit.table().name(), 1, Integer::sum);
            checksums.put(unit.table().name(), new ContentChecksum());
        }
    }

    void add(Block block) {
        long[] table = done.computeIfAbsent(block.table(), t -> new long[2]);
        table[0] += block.rows();
        table[1] += block.rawBytes();
        rowsDone += block.rows();
        checksums.get(block.table()).add(block.checksum());
        boolean finished = block.unitDone() && unitsLeft.merge(block.table(), -1, Integer::sum) == 0;
        if (block.rows() > 0 || finished) {
            listener.onEvent(new ProgressEvent.TableProgress(block.table(), table[0], table[1], finished, remaining()));
        }
    }

    ContentChecksum checksum(String table) {
        return checksums.getOrDefault(table, new ContentChecksum());
    }

    private Optional<Duration> remaining() {
        long elapsed = System.nanoTime() - started;
        if (rowsDone == 0 || elapsed < 1_000_000_000L) {
            return Optional.empty();
        }
        long left = Math.max(0, estimatedRows - rowsDone);
        return Optional.of(Duration.ofNanos((long) ((double) elapsed * left / rowsDone)));
    }
}
