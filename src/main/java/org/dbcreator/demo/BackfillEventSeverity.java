package org.dbcreator.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * DemoCloud 4.2.0: gives every event written before the expand a severity derived from its level,
 * with the mapping the expand's triggers use. The event table is the largest of all, so batches
 * are primary-key ranges.
 */
public final class BackfillEventSeverity extends KeyRangeBackfill {

    static final String SEVERITY_OF_LEVEL =
            "CASE level WHEN 'ERROR' THEN 3 WHEN 'WARN' THEN 4 WHEN 'DEBUG' THEN 7 ELSE 6 END";

    @Override
    public String description() {
        return "backfill event.severity from event.level";
    }

    @Override
    public OptionalLong expectedRows(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT COUNT(*) FROM event WHERE severity IS NULL");
    }

    @Override
    protected OptionalLong firstIdToDo(Connection connection) throws SQLException {
        // Walks the primary key and stops at the first match: at the start that is the first row.
        return queryLong(connection, "SELECT id FROM event WHERE severity IS NULL ORDER BY id LIMIT 1");
    }

    @Override
    protected long lastId(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT MAX(id) FROM event").orElse(0);
    }

    @Override
    protected int migrateRange(Connection connection, long from, long to) throws SQLException {
        return updateRange(connection, "UPDATE event SET severity = " + SEVERITY_OF_LEVEL
                + " WHERE id >= ? AND id < ? AND severity IS NULL", from, to);
    }
}
