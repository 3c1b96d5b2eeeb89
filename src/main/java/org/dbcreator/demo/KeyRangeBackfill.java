package org.dbcreator.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.dbcreator.engine.DataMigration;

/**
 * A backfill that walks a table's primary key in ranges of one batch each, so every batch reads and
 * locks only its own range (a query for "rows still to do" would scan the whole table again in
 * each batch). The walk starts at the first row still to do, found once per run, which is also
 * where a resumed run picks up; it ends at the highest id of that moment, because rows written
 * later were written with the expand's triggers in place and need no backfill.
 */
abstract class KeyRangeBackfill implements DataMigration {

    private long next = -1;
    private long last;

    /** The lowest id still to do, if any. */
    protected abstract OptionalLong firstIdToDo(Connection connection) throws SQLException;

    /** The highest id of the table now. */
    protected abstract long lastId(Connection connection) throws SQLException;

    /** Does the rows with {@code from <= id < to} that still need it; returns how many it changed. */
    protected abstract int migrateRange(Connection connection, long from, long to) throws SQLException;

    @Override
    public final int migrateBatch(Connection connection, int batchSize) throws SQLException {
        if (next < 0) {
            OptionalLong first = firstIdToDo(connection);
            if (first.isEmpty()) {
                return 0;
            }
            next = first.getAsLong();
            last = lastId(connection);
        }
        while (next <= last) {
            long from = next;
            next = from + batchSize;
            int changed = migrateRange(connection, from, next);
            if (changed > 0) {
                return changed;
            }
        }
        return 0;
    }

    /** The single number a query returns, empty when it returns no row or NULL. */
    static OptionalLong queryLong(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return OptionalLong.empty();
            }
            long value = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    static int updateRange(Connection connection, String sql, long from, long to) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            return ps.executeUpdate();
        }
    }
}
