package org.dbcreator.engine;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Sessions;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.JournalEntry.Outcome;

/**
 * Runs a {@link DataMigration} batch by batch, each batch committed together with its journal
 * row, so an interruption loses at most the uncommitted batch and nothing is done twice.
 */
final class MigrationRunner {

    static final int DEFAULT_BATCH_SIZE = 2_000;

    /** Batches have no text to checksum; the journal column holds this placeholder for them. */
    private static final String BATCH_CHECKSUM = "0".repeat(64);

    private final Connection connection;
    private final JdbcHistory history;
    private final RunContext run;
    private final ProgressListener listener;
    private final int batchSize;

    MigrationRunner(Connection connection, JdbcHistory history, RunContext run, ProgressListener listener,
            int batchSize) {
        this.connection = connection;
        this.history = history;
        this.run = run;
        this.listener = listener;
        this.batchSize = batchSize;
    }

    /** Loads a migration named in the manifest, or throws MIGRATION_INVALID. */
    static DataMigration load(String className) {
        try {
            Class<?> type = Class.forName(className, true, MigrationRunner.class.getClassLoader());
            if (!DataMigration.class.isAssignableFrom(type)) {
                throw new DbCreatorException(ErrorCode.MIGRATION_INVALID,
                        className + " does not implement " + DataMigration.class.getName() + ".");
            }
            return (DataMigration) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new DbCreatorException(ErrorCode.MIGRATION_INVALID, "No class " + className + " on the classpath.", e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof DbCreatorException known) {
                throw known;
            }
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new DbCreatorException(ErrorCode.MIGRATION_INVALID,
                    "Cannot create " + className + ": " + cause + ".", e);
        }
    }

    void apply(String className, Version version, int number, int total) {
        DataMigration migration = load(className);
        Instant started = Instant.now();
        listener.onEvent(new ProgressEvent.ScriptStarted(className, ScriptKind.MIGRATION.name(), number, total, -1));
        try {
            int batch = (int) history.journal(connection, run.runId(), className).values().stream()
                    .filter(JournalEntry::isDone).count();
            if (batch > 0) {
                listener.onEvent(new ProgressEvent.Notice("Resuming " + migration.description() + " after " + batch
                        + " committed batches."));
            }
            int rows;
            do {
                rows = runBatch(migration, className, batch);
                listener.onEvent(new ProgressEvent.BatchDone(className, batch, rows));
                batch++;
            } while (rows > 0);
            history.recordApplied(connection, new AppliedScript(run.runId(), run.operation(), version,
                    ScriptKind.MIGRATION, className, null, batch, run.installedBy(), started, Instant.now()));
        } catch (SQLException e) {
            throw Failures.ofStatement(e, className, 0);
        }
        listener.onEvent(new ProgressEvent.ScriptFinished(className,
                Instant.now().toEpochMilli() - started.toEpochMilli(), false));
    }

    private int runBatch(DataMigration migration, String className, int batch) throws SQLException {
        connection.setAutoCommit(false);
        try {
            int rows = migration.migrateBatch(connection, batchSize);
            history.journalStart(connection, new JournalEntry(run.runId(), className, batch, 0, BATCH_CHECKSUM,
                    Outcome.DONE, Sessions.connectionId(connection), Optional.empty()));
            connection.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // a lost connection rolls back by itself
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

}
