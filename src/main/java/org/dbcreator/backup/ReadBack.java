package org.dbcreator.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads the dump back from the disk while it is being written, and hashes what it reads: each
 * range of the file once its write has returned, the rest once the file is synced. The read-back's
 * SHA-256 is then ready when the writing ends, rather than after a pass of its own over the whole
 * file (0.4 s at 1,000,000 rows, on one core while the other idled: docs/benchmarks.md). What it
 * proves is the same: the bytes the file holds, read from it after they were written.
 *
 * <p>A sink may hold bytes back until it syncs (see {@link BackupOutput.Sink}): what is not in the
 * file yet is read when it is.
 */
final class ReadBack implements AutoCloseable {

    /** How many bytes were read back from the file, and their SHA-256. */
    record Read(long bytes, String sha256) {}

    private final FileChannel file;
    private final MessageDigest sha256 = DumpFileWriter.newSha256();
    private final Thread reader;
    private long written; // guarded by this
    private boolean synced; // guarded by this
    private boolean stopped; // guarded by this
    private long read;
    private IOException failure;

    private ReadBack(FileChannel file) {
        this.file = file;
        this.reader = new Thread(this::follow, "dbcreator-read-back");
        reader.setDaemon(true);
    }

    /** Starts following {@code dump}, which the writer has created. */
    static ReadBack follow(Path dump) throws IOException {
        ReadBack readBack = new ReadBack(FileChannel.open(dump, StandardOpenOption.READ));
        readBack.reader.start();
        return readBack;
    }

    /** The writer has written {@code bytes} in all. */
    synchronized void written(long bytes) {
        written = bytes;
        notifyAll();
    }

    /** The writer has written {@code bytes} in all and synced the file: every byte must be there now. */
    synchronized void synced(long bytes) {
        written = bytes;
        synced = true;
        notifyAll();
    }

    /**
     * Every byte of the file, read back after {@link #synced}; waits for the reading to end. A file
     * longer than what was written reads as longer.
     */
    Read result() throws IOException {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the backup back", e);
        }
        if (failure != null) {
            throw failure;
        }
        return new Read(read, HexFormat.of().formatHex(sha256.digest()));
    }

    private void follow() {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        boolean heldBack = false; // the file ended before what was written: the sink has the rest until it syncs
        try {
            while (true) {
                boolean last;
                synchronized (this) {
                    while (!stopped && !synced && (heldBack || read >= written)) {
                        wait();
                    }
                    if (stopped) {
                        return;
                    }
                    last = synced;
                }
                heldBack = readAvailable(buffer, last);
                if (last) {
                    return; // read to the file's end after the sync
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new IOException("interrupted while reading the backup back", e);
        }
    }

    /** Reads from where it stopped to the file's end; true when it got there (the file held no more). */
    private boolean readAvailable(ByteBuffer buffer, boolean toTheEnd) throws IOException {
        while (true) {
            buffer.clear();
            int n = file.read(buffer, read);
            if (n < 0) {
                return true;
            }
            sha256.update(buffer.array(), 0, n);
            read += n;
            if (!toTheEnd && read >= currentlyWritten()) {
                return false;
            }
        }
    }

    private synchronized long currentlyWritten() {
        return written;
    }

    /** Stops the reading, if it still runs, and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.close();
    }
}
