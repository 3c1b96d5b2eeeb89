package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Work done in numbered batches, each committed in the same transaction as its journal row: a
 * data migration, or the loading of sample data. Resuming restarts at the first batch without a
 * journal row, so each batch must depend only on its number and on what is left to do.
 */
interface BatchedWork {

    /** The history key: the implementing class's name. */
    String name();

    String description();

    /** The rows still to do, counted before the first batch; empty when the work declares no count. */
    default OptionalLong expectedRows(Connection connection) throws SQLException {
        return OptionalLong.empty();
    }

    /** Runs batch {@code batch}; returns the rows it changed, 0 when the work is complete. */
    int runBatch(Connection connection, int batch) throws SQLException;
}
