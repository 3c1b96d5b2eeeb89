package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;

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
     * Migrates at most {@code batchSize} rows inside the caller's transaction.
     *
     * @return the rows changed; 0 when nothing is left to do
     */
    int migrateBatch(Connection connection, int batchSize) throws SQLException;
}
