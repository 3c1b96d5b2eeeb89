package org.dbcreator.backup;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the tables into units for the dump connections: whole tables, and for a table with many
 * rows and one integer primary key, ranges of that key, so that the largest table does not leave
 * the other connections idle at the end.
 */
final class DumpPlan {

    private DumpPlan() {}

    static List<DumpUnit> units(DumpSchema schema, int connections, long rangeRows, Connection snapshot)
            throws SQLException {
        List<DumpUnit> units = new ArrayList<>();
        for (DumpSchema.Table t : schema.tables()) {
            TableShape table = t.shape();
            if (connections > 1 && table.withData() && table.integerKey().isPresent() && table.estimatedRows() > rangeRows) {
                int parts = (int) Math.min(4L * connections, Math.max(2, table.estimatedRows() / Math.max(1, rangeRows)));
                units.addAll(ranges(table, parts, snapshot));
            } else {
                units.add(DumpUnit.whole(table));
            }
        }
        return ParallelDump.largestFirst(units);
    }

    /** Ranges of equal key width between the smallest and largest key; the outer ranges are open. */
    private static List<DumpUnit> ranges(TableShape table, int parts, Connection c) throws SQLException {
        String key = SqlNames.quote(table.integerKey().orElseThrow());
        BigInteger min;
        BigInteger max;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(" + key + "), MAX(" + key
                + ") FROM " + SqlNames.quote(table.name()))) {
            rs.next();
            if (rs.getString(1) == null) {
                return List.of(DumpUnit.whole(table));
            }
            min = new BigInteger(rs.getString(1));
            max = new BigInteger(rs.getString(2));
        }
        BigInteger width = max.subtract(min).divide(BigInteger.valueOf(parts));
        if (width.signum() == 0) {
            return List.of(DumpUnit.whole(table));
        }
        List<DumpUnit> units = new ArrayList<>();
        BigInteger lower = null;
        for (int i = 1; i <= parts; i++) {
            BigInteger upper = i == parts ? null : min.add(width.multiply(BigInteger.valueOf(i)));
            String where = " WHERE " + (lower == null ? "" : key + " >= " + lower) + (lower != null && upper != null ? " AND " : "")
                    + (upper == null ? "" : key + " < " + upper);
            units.add(new DumpUnit(table, where, i, parts));
            lower = upper;
        }
        return units;
    }
}
