package org.dbcreator.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes the dump's gzip members in order to one file, counting its bytes and its SHA-256 as it goes. */
final class DumpFileWriter implements AutoCloseable {

    /** The finished file: its size and checksum, as the manifest records them. */
    record Written(long bytes, String sha256) {}

    private final BackupOutput.Sink sink;
    private final MessageDigest sha256;
    private final GzipMember gzip;
    private long bytes;
    private boolean closed;

    DumpFileWriter(BackupOutput output, Path file, int compressionLevel) throws IOException {
        this.sink = output.create(file);
        this.sha256 = newSha256();
        this.gzip = new GzipMember(compressionLevel);
    }

    /** Writes one complete gzip member. */
    void write(byte[] member) throws IOException {
        sink.write(member);
        sha256.update(member);
        bytes += member.length;
    }

    /** The bytes written so far. */
    long bytes() {
        return bytes;
    }

    /** Compresses SQL text into a member of its own and writes it. */
    void writeText(String sql) throws IOException {
        byte[] raw = sql.getBytes(StandardCharsets.UTF_8);
        write(gzip.compress(raw, raw.length));
    }

    /** Syncs the file to the disk and closes it: only then may it be renamed into place. */
    Written finish() throws IOException {
        sink.sync();
        close();
        return new Written(bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            gzip.close();
            sink.close();
        }
    }
}
