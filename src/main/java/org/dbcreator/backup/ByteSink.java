package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array that one thread fills and reuses, so that dumping a row allocates little. */
final class ByteSink {

    private byte[] data;
    private int size;

    ByteSink(int initialCapacity) {
        data = new byte[initialCapacity];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return data;
    }

    void reset() {
        size = 0;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    ByteSink append(byte b) {
        grow(1);
        data[size++] = b;
        return this;
    }

    ByteSink append(byte[] bytes) {
        return append(bytes, 0, bytes.length);
    }

    ByteSink append(byte[] bytes, int from, int length) {
        grow(length);
        System.arraycopy(bytes, from, data, size, length);
        size += length;
        return this;
    }

    /** Appends text as UTF-8. */
    ByteSink append(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    private void grow(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(size + more, data.length * 2));
        }
    }
}
