package org.dbcreator.testing;

import java.sql.SQLException;

/**
 * A fingerprint of some columns of a table's rows, independent of row order, so that two databases
 * (or one database before and after a step) can be compared without fetching every row.
 */
public final class RowChecksum {

    private RowChecksum() {}

    /**
     * "count | checksum" of {@code columns} over the rows matching {@code where}. NULLs count as a
     * marker, so that NULL and the empty string differ.
     */
    public static String of(TestDatabase db, String table, String columns, String where) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (String column : columns.split(",")) {
            row.append(row.length() == 0 ? "" : ", '|', ").append("COALESCE(CAST(").append(column.trim())
                    .append(" AS CHAR), '<null>')");
        }
        return db.rows("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT(" + row + "))), 0) FROM " + table + " WHERE " + where)
                .get(0);
    }

    public static String of(TestDatabase db, String table, String columns) throws SQLException {
        return of(db, table, columns, "TRUE");
    }
}
