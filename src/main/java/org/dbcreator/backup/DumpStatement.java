package org.dbcreator.backup;

import java.nio.charset.StandardCharsets;
/**
 * One statement of a dump, exactly as the dump holds it (one char per byte, see
 * {@link DumpReader}), without its delimiter.
 *
 * @param line the 1-based line of the dump where the statement starts
 */
record DumpStatement(String sql, long line) {

    /** The statement for people to read: its bytes decoded as UTF-8 and cut short. */
    String excerpt() {
        String text = new String(sql.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    boolean startsWithIgnoreCase(String prefix) {
        return sql.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
