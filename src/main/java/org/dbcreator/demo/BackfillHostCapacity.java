package org.dbcreator.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * DemoCloud 4.3.0: copies the capacity of every host written before the expand into host_capacity.
 * It only adds missing rows: a row that exists was written by the expand's triggers after an old
 * node's change, and is newer than anything this copy could read.
 */
public final class BackfillHostCapacity extends KeyRangeBackfill {

    @Override
    public String description() {
        return "backfill host_capacity from host";
    }

    @Override
    public OptionalLong expectedRows(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT COUNT(*) FROM host h LEFT JOIN host_capacity c ON c.host_id = h.id"
                + " WHERE c.host_id IS NULL AND h.cpu_cores IS NOT NULL AND h.ram_mb IS NOT NULL");
    }

    @Override
    protected OptionalLong firstIdToDo(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT h.id FROM host h LEFT JOIN host_capacity c ON c.host_id = h.id"
                + " WHERE c.host_id IS NULL AND h.cpu_cores IS NOT NULL AND h.ram_mb IS NOT NULL ORDER BY h.id LIMIT 1");
    }

    @Override
    protected long lastId(Connection connection) throws SQLException {
        return queryLong(connection, "SELECT MAX(id) FROM host").orElse(0);
    }

    @Override
    protected int migrateRange(Connection connection, long from, long to) throws SQLException {
        // The no-op update keeps a row a trigger wrote meanwhile (possible when the server reads
        // the SELECT from a snapshot, as under READ COMMITTED) instead of failing on it.
        return updateRange(connection, "INSERT INTO host_capacity (host_id, cpu_cores, ram_mb)"
                + " SELECT id, cpu_cores, ram_mb FROM host"
                + " WHERE id >= ? AND id < ? AND cpu_cores IS NOT NULL AND ram_mb IS NOT NULL"
                + " ON DUPLICATE KEY UPDATE host_id = host_capacity.host_id", from, to);
    }
}
