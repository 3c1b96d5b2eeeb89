package org.dbcreator.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.dbcreator.engine.DataMigration;

/**
 * DemoCloud 4.1.0: gives every existing host a uuid. Batched by primary key so that the row
 * locks of one batch are held for milliseconds while nodes keep writing.
 */
public final class BackfillHostUuid implements DataMigration {

    @Override
    public String description() {
        return "backfill host.uuid";
    }

    @Override
    public OptionalLong expectedRows(Connection connection) throws SQLException {
        return KeyRangeBackfill.queryLong(connection, "SELECT COUNT(*) FROM host WHERE uuid IS NULL");
    }

    @Override
    public int migrateBatch(Connection connection, int batchSize) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE host SET uuid = UUID() WHERE uuid IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, batchSize);
            return ps.executeUpdate();
        }
    }
}
