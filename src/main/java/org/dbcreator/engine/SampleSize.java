package org.dbcreator.engine;

/**
 * How much sample data to load and from which seed; the same pair always yields the same rows.
 *
 * @param rows the number of rows in the largest tables; other tables scale with it
 */
public record SampleSize(long rows, long seed) {

    public static final long DEFAULT_SEED = 20261125L;

    public static SampleSize none() {
        return new SampleSize(0, DEFAULT_SEED);
    }

    public boolean isEmpty() {
        return rows <= 0;
    }

    /** As kept in {@code dbcreator_state} while a deploy runs, so a resumed deploy loads the same sample. */
    String encode() {
        return "sample-rows=" + rows + ";seed=" + seed;
    }

    static SampleSize decode(String text) {
        long rows = 0;
        long seed = DEFAULT_SEED;
        for (String part : text == null ? new String[0] : text.split(";")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("sample-rows")) {
                rows = Long.parseLong(pair[1]);
            } else if (pair.length == 2 && pair[0].equals("seed")) {
                seed = Long.parseLong(pair[1]);
            }
        }
        return new SampleSize(rows, seed);
    }
}
