package org.dbcreator.backup;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.DoubleSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Opens a dump for reading, compressed or not, and tells what wrote it: DatabaseCreator, or the
 * stock mysqldump/mariadb-dump (recognised by their first line, including the sandbox line of
 * recent mariadb-dump). Anything else is refused before a byte of it is run.
 */
final class DumpInput {

    enum Kind {
        DBCREATOR,
        STOCK
    }

    /**
     * An open dump; close it when done.
     *
     * @param fractionRead how much of the file has been read so far, 0 to 1, for estimates of the time left
     */
    record Opened(InputStream stream, Kind kind, boolean compressed, DoubleSupplier fractionRead, RawBytes raw)
            implements AutoCloseable {

        /**
         * The SHA-256 of every byte of the file, when it was opened {@link #openHashing hashing}: what
         * the reading has not taken yet is read now (a stream stops at the end of its last gzip member,
         * and bytes after it count too).
         */
        String sha256OfWholeFile() throws IOException {
            return raw.drainAndDigest();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    private static final int PEEK = 8192;

    private DumpInput() {}

    static Opened open(Path file) {
        return open(file, null);
    }

    /**
     * Opens the dump and hashes every byte as it is read, so that a load proves the file it read
     * is the one its manifest describes without reading it a second time (see
     * {@link Opened#sha256OfWholeFile}).
     */
    static Opened openHashing(Path file) {
        return open(file, DumpFileWriter.newSha256());
    }

    private static Opened open(Path file, MessageDigest digest) {
        InputStream raw = null;
        try {
            long size = Math.max(1, Files.size(file));
            RawBytes counting = new RawBytes(Files.newInputStream(file), digest);
            raw = new BufferedInputStream(counting, 1 << 16);
            raw.mark(4);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            if (first < 0) {
                throw notADump(file, "it is empty");
            }
            boolean compressed = first == 0x1f && second == 0x8b;
            InputStream text = new BufferedInputStream(compressed ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16);
            text.mark(PEEK);
            byte[] head = text.readNBytes(PEEK);
            text.reset();
            return new Opened(text, kindOf(file, new String(head, StandardCharsets.ISO_8859_1)), compressed,
                    () -> Math.min(1.0, (double) counting.count / size), counting);
        } catch (NoSuchFileException e) {
            closeQuietly(raw);
            throw new DbCreatorException(ErrorCode.BACKUP_NOT_A_DUMP, "There is no file " + file + ".");
        } catch (EOFException | ZipException e) {
            closeQuietly(raw);
            throw damaged(file, e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new DbCreatorException(ErrorCode.BACKUP_NOT_A_DUMP, "Cannot read " + file + ": " + e.getMessage() + ".", e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static Kind kindOf(Path file, String head) {
        String text = head.startsWith("\u00EF\u00BB\u00BF") ? head.substring(3) : head;
        text = text.stripLeading();
        if (text.startsWith(DumpScript.TITLE)) {
            return Kind.DBCREATOR;
        }
        if (text.startsWith("/*M!999999\\- enable the sandbox mode */") || text.startsWith("-- MariaDB dump")
                || text.startsWith("-- MySQL dump")) {
            return Kind.STOCK;
        }
        throw notADump(file, "it does not begin like a DatabaseCreator backup or a dump of mysqldump or mariadb-dump");
    }

    /** A compressed stream that breaks off or fails its CRC: the file was cut short or changed. */
    static DbCreatorException damaged(Path file, IOException e) {
        String why = e instanceof EOFException ? "it ends in the middle of its compressed data (cut short)"
                : "its compressed data is corrupt (" + e.getMessage() + ")";
        return new DbCreatorException(ErrorCode.BACKUP_DAMAGED, file + " is damaged: " + why + ".", e);
    }

    private static DbCreatorException notADump(Path file, String why) {
        return new DbCreatorException(ErrorCode.BACKUP_NOT_A_DUMP, file + " is not a dump: " + why + ".");
    }

    /** The file's bytes as read, counted, and hashed when a digest is given. */
    static final class RawBytes extends FilterInputStream {
        private final MessageDigest digest;
        private volatile long count;

        RawBytes(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                if (digest != null) {
                    digest.update((byte) b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (digest != null) {
                    digest.update(b, off, n);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 1 << 16))])); // a skipped byte is hashed too
        }

        private String drainAndDigest() throws IOException {
            if (digest == null) {
                throw new IllegalStateException("the dump was not opened hashing");
            }
            byte[] rest = new byte[1 << 16];
            while (read(rest, 0, rest.length) >= 0) {
                // every byte read is hashed
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read from it
            }
        }
    }
}
