package org.dbcreator.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dbcreator.progress.Cancellation;

/**
 * Runs the dump units on every connection of the snapshot, one worker thread per connection,
 * and hands the compressed blocks to the calling thread, which alone writes the file and reports
 * progress. The queue between them is short, so memory stays bounded when the disk is slower
 * than the server.
 */
final class ParallelDump {

    /** Takes each block on the calling thread, in the order they are done. */
    @FunctionalInterface
    interface BlockWriter {
        void write(Block block) throws IOException;
    }

    private static final long CANCEL_CHECK_MILLIS = 100;

    private final Snapshot snapshot;
    private final String database;
    private final int statementBytes;
    private final int compressionLevel;
    private final Cancellation cancellation;

    ParallelDump(Snapshot snapshot, String database, int statementBytes, int compressionLevel, Cancellation cancellation) {
        this.snapshot = snapshot;
        this.database = database;
        this.statementBytes = statementBytes;
        this.compressionLevel = compressionLevel;
        this.cancellation = cancellation;
    }

    /**
     * Dumps every unit; the first failure, of a worker or of the writer, stops them all and is
     * thrown, and so does a cancel (looked at several times a second).
     */
    void run(List<DumpUnit> units, BlockWriter writer) throws IOException, SQLException {
        List<Connection> connections = snapshot.connections();
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2 * connections.size() + 2);
        ConcurrentLinkedQueue<DumpUnit> pending = new ConcurrentLinkedQueue<>(units);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(connections.size(), r -> {
            Thread t = new Thread(r, "dbcreator-backup-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (Connection c : connections) {
                workers.execute(() -> work(c, pending, queue));
            }
            int running = connections.size();
            while (running > 0) {
                Object item = queue.poll(CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                cancellation.throwIfCancelled();
                if (item == null) {
                    continue;
                }
                if (item instanceof Block block) {
                    writer.write(block);
                } else if (item instanceof Failure failure) {
                    failure.rethrow();
                } else {
                    running--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the backup was interrupted", e);
        } catch (IOException | SQLException | RuntimeException e) {
            pending.clear();
            snapshot.abortAll(); // a worker stuck reading rows only stops when its connection does
            throw e;
        } finally {
            workers.shutdownNow();
            awaitQuietly(workers);
        }
    }

    private void work(Connection c, ConcurrentLinkedQueue<DumpUnit> pending, BlockingQueue<Object> queue) {
        try (TableDumper dumper = new TableDumper(c, database, statementBytes, compressionLevel)) {
            for (DumpUnit unit = pending.poll(); unit != null; unit = pending.poll()) {
                dumper.dump(unit, queue::put);
            }
            queue.put(Boolean.TRUE); // this worker is done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writer gave up; nobody waits for this worker
        } catch (SQLException | RuntimeException e) {
            putQuietly(queue, new Failure(e));
        }
    }

    /** The writer keeps taking until it sees a failure, or gives up and interrupts this worker. */
    private static void putQuietly(BlockingQueue<Object> queue, Failure failure) {
        try {
            queue.put(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(Exception cause) {
        void rethrow() throws SQLException {
            if (cause instanceof SQLException s) {
                throw s;
            }
            throw (RuntimeException) cause;
        }
    }

    static List<DumpUnit> largestFirst(List<DumpUnit> units) {
        List<DumpUnit> sorted = new ArrayList<>(units);
        sorted.sort((a, b) -> Long.compare(b.table().dataBytes() / b.parts(), a.table().dataBytes() / a.parts()));
        return sorted;
    }
}
