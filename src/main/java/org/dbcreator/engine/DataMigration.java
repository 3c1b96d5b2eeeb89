package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A data change that SQL cannot say in one statement without holding row locks for long, such
 * as a backfill. The engine calls {@link #migrateBatch} repeatedly, each time in a transaction
 * that also records the batch in the journal, until it returns 0. A batch must pick its rows by
 * what still needs work (e.g. {@code WHERE new_column IS NULL}), so that resuming after any
 * interruption neither skips nor repeats work.
 *
 * <p>Implementations need a public no-argument constructor; the manifest names them by class.
 */
public interface DataMigration {

    /** One line for the progress log. */
    String description();

    /**
     * The rows still to do, for a progress bar: an exact count query (e.g. {@code SELECT COUNT(*)
     * FROM host WHERE uuid IS NULL}), run once before the first batch, after the expand scripts
     * before it; so it may name the columns they add. Rows the nodes write meanwhile may make the
     * rows done end above or below it. Empty (the default) when counting would cost too much.
     */
    default OptionalLong expectedRows(Connection connection) throws SQLException {
        return OptionalLong.empty();
    }

    /**
     * Migrates at most {@code batchSize} rows inside the caller's transaction.
     *
     * @return the rows changed; 0 when nothing is left to do
     */
    int migrateBatch(Connection connection, int batchSize) throws SQLException;
}
