package org.dbcreator.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a backup is asked to do.
 *
 * @param directory where the files go; created if absent
 * @param connections how many connections read in parallel (MariaDB; MySQL and small databases use one)
 * @param lockWait how long to wait for the brief lock that aligns several connections before reading on one
 * @param compressionLevel gzip level, 1 (fast) to 9 (small); 6 is gzip's own default, 1 ours
 * @param rangeRows a table estimated above this many rows is split into primary-key ranges
 * @param parallelFromBytes a database smaller than this is read on one connection: no lock at all
 * @param output the file system, or in tests a disk that fails
 */
public record BackupRequest(Path directory, int connections, Duration lockWait, int compressionLevel, long rangeRows,
        long parallelFromBytes, BackupOutput output) {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(2);
    /**
     * gzip's fastest level: deflate at level 6 was most of a backup's CPU (on SQL text about 4 times
     * level 1's, for files about a third smaller), and the cores it takes are the ones the server
     * and the restore test need.
     */
    static final int DEFAULT_COMPRESSION_LEVEL = 1;
    static final long DEFAULT_RANGE_ROWS = 200_000;

    public BackupRequest {
        if (connections < 1 || connections > 16) {
            throw new IllegalArgumentException("connections must be between 1 and 16, not " + connections);
        }
        if (compressionLevel < 1 || compressionLevel > 9) {
            throw new IllegalArgumentException("the compression level must be between 1 and 9, not " + compressionLevel);
        }
    }

    /** The defaults: as many connections as cores (2 to 4), gzip level 1. */
    public static BackupRequest to(Path directory) {
        return new BackupRequest(directory, defaultConnections(), DEFAULT_LOCK_WAIT, DEFAULT_COMPRESSION_LEVEL,
                DEFAULT_RANGE_ROWS, 16L << 20, BackupOutput.FILE_SYSTEM);
    }

    /** One connection per core, 2 to 4: the work is compression and parsing, bound by the cores. */
    public static int defaultConnections() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public BackupRequest withConnections(int n) {
        return new BackupRequest(directory, n, lockWait, compressionLevel, rangeRows, parallelFromBytes, output);
    }

    public BackupRequest withLockWait(Duration wait) {
        return new BackupRequest(directory, connections, wait, compressionLevel, rangeRows, parallelFromBytes, output);
    }

    /** Parallel from the first byte, with ranges of {@code rows}: for tests of small databases. */
    public BackupRequest withRanges(long rows) {
        return new BackupRequest(directory, connections, lockWait, compressionLevel, rows, 0, output);
    }

    public BackupRequest withOutput(BackupOutput other) {
        return new BackupRequest(directory, connections, lockWait, compressionLevel, rangeRows, parallelFromBytes, other);
    }
}
