package org.dbcreator.backup;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses one block of the dump into a complete gzip member. A gzip file may hold several
 * members one after another, and {@code gunzip}, {@code zcat} and Java's {@code GZIPInputStream}
 * read them as one stream; so workers compress blocks in parallel and the writer just appends them.
 * One instance per thread: it reuses its deflater.
 */
final class GzipMember implements AutoCloseable {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] out = new byte[1 << 16];

    GzipMember(int level) {
        deflater = new Deflater(level, true);
    }

    byte[] compress(byte[] data, int length) {
        deflater.reset();
        crc.reset();
        crc.update(data, 0, length);
        deflater.setInput(data, 0, length);
        deflater.finish();
        int size = HEADER.length;
        ensure(size + 8);
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        while (!deflater.finished()) {
            ensure(size + 8 + 1024);
            size += deflater.deflate(out, size, out.length - size - 8);
        }
        writeIntLittleEndian(size, (int) crc.getValue());
        writeIntLittleEndian(size + 4, length);
        return Arrays.copyOf(out, size + 8);
    }

    private void ensure(int capacity) {
        if (out.length < capacity) {
            out = Arrays.copyOf(out, Math.max(capacity, out.length * 2));
        }
    }

    private void writeIntLittleEndian(int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
