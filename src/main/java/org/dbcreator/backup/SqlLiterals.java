package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
/**
 * Writes values as SQL literals that every MySQL and MariaDB client and server reads back to the
 * same value (with backslash escapes, which the dump's session allows).
 */
final class SqlLiterals {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'N', 'U', 'L', 'L'};
    /** The escape letter of each byte that needs one, else 0: one lookup per byte of every text value. */
    private static final byte[] ESCAPES = new byte[256];

    static {
        ESCAPES[0] = '0';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES[0x1A] = 'Z';
        ESCAPES['\''] = '\'';
        ESCAPES['\\'] = '\\';
    }

    private SqlLiterals() {}

    static void appendNull(ByteSink out) {
        out.append(NULL);
    }

    /**
     * Quotes text given as the server's UTF-8 bytes. Escaping works byte by byte: in UTF-8 no byte
     * of a multi-byte character is ASCII, so only real quotes and backslashes are touched.
     */
    static void appendQuoted(ByteSink out, byte[] value) {
        out.append((byte) '\'');
        int from = 0;
        for (int i = 0; i < value.length; i++) {
            byte escaped = ESCAPES[value[i] & 0xff];
            if (escaped != 0) {
                out.append(value, from, i - from).append((byte) '\\').append(escaped);
                from = i + 1;
            }
        }
        out.append(value, from, value.length - from).append((byte) '\'');
    }

    /** Binary values as hexadecimal, so the dump stays valid text whatever the bytes are. */
    static void appendHex(ByteSink out, byte[] value) {
        if (value.length == 0) {
            out.append((byte) '\'').append((byte) '\'');
            return;
        }
        out.append((byte) '0').append((byte) 'x');
        for (byte b : value) {
            out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }
}
