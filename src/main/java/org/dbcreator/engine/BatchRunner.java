package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Sessions;
import org.dbcreator.history.AppliedScript;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.JournalEntry.Outcome;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Runs {@link BatchedWork} batch by batch, each batch committed together with its journal row, so
 * an interruption loses at most the uncommitted batch and nothing is done twice; between batches
 * it rests as its {@link BatchPace} says.
 */
final class BatchRunner {

    static final int DEFAULT_MIGRATION_BATCH = 2_000;

    /** Batches have no text to checksum; the journal column holds this placeholder for them. */
    static final String BATCH_CHECKSUM = "0".repeat(64);

    private final Connection connection;
    private final JdbcHistory history;
    private final RunContext run;
    private final ProgressListener listener;
    private final BatchPace pace;
    private final Cancellation cancellation;

    BatchRunner(Connection connection, JdbcHistory history, RunContext run, ProgressListener listener, BatchPace pace,
            Cancellation cancellation) {
        this.connection = connection;
        this.history = history;
        this.run = run;
        this.listener = listener;
        this.pace = pace;
        this.cancellation = cancellation;
    }

    void apply(BatchedWork work, ScriptKind kind, Version version, int number, int total) {
        Instant started = Instant.now();
        try {
            OptionalLong expected = work.expectedRows(connection); // after the expand: its columns exist now
            listener.onEvent(new ProgressEvent.ScriptStarted(work.name(), work.description(), kind.name(), number, total, -1, expected));
            int batch = (int) history.journal(connection, run.runId(), work.name()).values().stream()
                    .filter(JournalEntry::isDone).count();
            if (batch > 0) {
                listener.onEvent(new ProgressEvent.Notice("Resuming " + work.description() + " after " + batch
                        + " committed batches."));
            }
            long connectionId = Sessions.connectionId(connection);
            // One transaction per batch, begun by the batch's first statement: autocommit stays off
            // from the first batch to the last rather than being switched for each one.
            connection.setAutoCommit(false);
            int rows;
            long rowsDone = 0;
            try {
                do {
                    cancellation.throwIfCancelled(); // between batches: each one is committed with its journal row
                    long began = System.nanoTime();
                    rows = runBatch(work, batch, connectionId);
                    rowsDone += rows;
                    listener.onEvent(new ProgressEvent.BatchDone(work.name(), work.description(), batch, rows, rowsDone, expected));
                    batch++;
                    if (rows > 0) {
                        pace.restAfter(System.nanoTime() - began, cancellation); // committed: the rest holds no lock
                    }
                } while (rows > 0);
            } catch (SQLException | RuntimeException e) {
                restoreAutoCommit();
                throw e;
            }
            connection.setAutoCommit(true);
            history.recordApplied(connection, new AppliedScript(run.runId(), run.operation(), version, kind,
                    work.name(), null, batch, run.installedBy(), started, Instant.now()));
        } catch (SQLException e) {
            throw Failures.ofStatement(e, work.name(), 0);
        }
        listener.onEvent(new ProgressEvent.ScriptFinished(work.name(), work.description(),
                Instant.now().toEpochMilli() - started.toEpochMilli(), false));
    }

    /** After a failed batch: a failure here must not hide the batch's own, which explains what happened. */
    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a lost connection is reported by what failed before
        }
    }

    /** Runs one batch and commits it together with its journal row, or rolls both back. */
    private int runBatch(BatchedWork work, int batch, long connectionId) throws SQLException {
        try {
            int rows = work.runBatch(connection, batch);
            history.journalStart(connection, new JournalEntry(run.runId(), work.name(), batch, 0, BATCH_CHECKSUM,
                    Outcome.DONE, connectionId, Optional.empty()));
            connection.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // a lost connection rolls back by itself
            }
            throw e;
        }
    }
}
