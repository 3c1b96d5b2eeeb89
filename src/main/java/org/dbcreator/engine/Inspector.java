package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.backup.RestoreMarker;
import org.dbcreator.db.Database;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;

/** Looks at the product database without changing it; a SELECT-only account is enough. */
final class Inspector {

    private static final String PRODUCT_OBJECTS = """
            SELECT CONCAT(LOWER(TABLE_TYPE), ' ', TABLE_NAME) FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'dbcreator\\_%'
            UNION ALL SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES
             WHERE ROUTINE_SCHEMA = ?
            UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
            UNION ALL SELECT CONCAT('event ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
            ORDER BY 1 LIMIT 1000""";

    private final Database database;
    private final JdbcHistory history;

    Inspector(Database database, JdbcHistory history) {
        this.database = database;
        this.history = history;
    }

    /**
     * Reads the state first and the product's objects only for an unmanaged database: listing
     * tables would wait behind a DDL statement an interrupted run may have left running. Refuses
     * a database that an unfinished restore is moving into (OPERATION_IN_PROGRESS).
     */
    Inspection inspect() throws SQLException {
        if (!exists()) {
            return Inspection.absent();
        }
        try (Connection c = database.productConnection()) {
            RestoreMarker.refuseUnfinished(c, database.databaseName()); // its tables would pass for a complete database
            Optional<DatabaseState> state = history.readState(c);
            List<JournalEntry> interrupted = state.flatMap(DatabaseState::runId).isPresent()
                    ? history.unfinished(c, state.get().runId().get()) : List.of();
            List<String> objects = state.isPresent() ? List.of() : productObjects(c);
            return new Inspection(true, state, history.applied(c), objects, interrupted);
        }
    }

    /** Before resuming, waits for statements an interrupted run left running on the server. */
    void awaitOrphans(Inspection inspection, ProgressListener listener, Cancellation cancellation) throws SQLException {
        if (inspection.interrupted().isEmpty()) {
            return;
        }
        try (Connection c = database.serverConnection()) {
            new OrphanWatch(c, listener, cancellation).awaitAll(inspection.interrupted());
        }
    }

    boolean exists() throws SQLException {
        try (Connection c = database.serverConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<String> productObjects(Connection c) throws SQLException {
        List<String> objects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PRODUCT_OBJECTS)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, database.databaseName());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    objects.add(rs.getString(1));
                }
            }
        }
        return objects;
    }
}
