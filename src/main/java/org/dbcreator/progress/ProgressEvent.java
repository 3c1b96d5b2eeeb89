package org.dbcreator.progress;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an operation reports while it works. Front ends turn these into progress bars or lines;
 * the engine never prints. Every event says when it happened, so that a front end can show how
 * long something has been running (a statement's elapsed time is {@code now - started.at()}) and
 * a log can be replayed with its times. Each record also has a constructor without the time,
 * which stamps it now.
 */
public sealed interface ProgressEvent {

    /** When the event happened. */
    Instant at();

    /**
     * An event whose payload is a type of the operation above this package (the engine's pre-flight
     * checks, plan and phase changes): declared beside that type, so this vocabulary depends on
     * nothing above it.
     */
    non-sealed interface OperationEvent extends ProgressEvent {}

    /** A line for the live log. */
    record Notice(String message, Instant at) implements ProgressEvent {
        public Notice(String message) {
            this(message, Instant.now());
        }
    }

    /**
     * A script (or data migration) begins.
     *
     * @param script the script's catalog path, or the Java step's class name (the history key)
     * @param description a Java step's own words for it (its {@code description()}), what a front
     *     end shows an admin instead of the class name; empty for a SQL script, which its path names
     * @param number 1-based position among the run's scripts
     * @param total how many scripts the run applies
     * @param statements the script's statements; -1 for a data migration, which runs in batches
     * @param expectedRows a data migration's rows still to do, as its count query says at its start;
     *     empty for a script, and for a migration that declares no count
     */
    record ScriptStarted(String script, String description, String kind, int number, int total, int statements,
            OptionalLong expectedRows, Instant at) implements ProgressEvent {
        public ScriptStarted(String script, String description, String kind, int number, int total, int statements,
                OptionalLong expectedRows) {
            this(script, description, kind, number, total, statements, expectedRows, Instant.now());
        }
    }

    /**
     * A statement is sent to the server; its {@link StatementDone} follows (or the run fails). A
     * statement the journal shows done is not sent: it gets a skipped {@code StatementDone} only.
     *
     * @param index 0-based position in the script
     * @param excerpt the statement's start, on one line, for a live log
     */
    record StatementStarted(String script, int index, int total, int line, String excerpt, Instant at)
            implements ProgressEvent {
        public StatementStarted(String script, int index, int total, int line, String excerpt) {
            this(script, index, total, line, excerpt, Instant.now());
        }
    }

    /** A statement ended; {@code skipped} when the journal showed it already done. */
    record StatementDone(String script, int index, int total, int line, long millis, boolean skipped, Instant at)
            implements ProgressEvent {
        public StatementDone(String script, int index, int total, int line, long millis, boolean skipped) {
            this(script, index, total, line, millis, skipped, Instant.now());
        }
    }

    /**
     * A batch of a data migration committed.
     *
     * @param description the Java step's own words for it, as {@link ScriptStarted} has them
     * @param batch 0-based number of the batch; a resumed migration goes on from the batches done before
     * @param rows rows the batch changed; 0 for the last batch, which found nothing left
     * @param rowsDone rows this run of the migration changed so far, this batch included
     * @param expectedRows the migration's rows still to do at its start, when it declares a count
     */
    record BatchDone(String migration, String description, int batch, int rows, long rowsDone,
            OptionalLong expectedRows, Instant at) implements ProgressEvent {
        public BatchDone(String migration, String description, int batch, int rows, long rowsDone,
                OptionalLong expectedRows) {
            this(migration, description, batch, rows, rowsDone, expectedRows, Instant.now());
        }
    }

    /**
     * A script ended; {@code alreadyApplied} when the history showed it applied before.
     *
     * @param description a Java step's own words for it, as {@link ScriptStarted} has them; empty for a SQL script
     */
    record ScriptFinished(String script, String description, long millis, boolean alreadyApplied, Instant at)
            implements ProgressEvent {
        public ScriptFinished(String script, String description, long millis, boolean alreadyApplied) {
            this(script, description, millis, alreadyApplied, Instant.now());
        }
    }

    /**
     * A schema statement waits for a lock other sessions hold (a metadata lock, or the row and
     * table locks it needs while holding one). It gave up after a short wait so that the nodes'
     * queries queued behind it get through, and tries again after {@code retryIn}.
     *
     * @param where the statement, as {@code script:line}
     * @param attempt the attempt that comes next (2 after the first wait)
     * @param waited since the statement's first attempt
     * @param blockers the sessions with an open transaction, likeliest first; empty when none is
     *     visible or the account may not see them ({@code blockersVisible})
     * @param blockersVisible false when the account lacks PROCESS and the blockers are unknown
     */
    record LockWait(String where, int attempt, Duration retryIn, Duration waited, List<Blocker> blockers,
            boolean blockersVisible, Instant at) implements ProgressEvent {
        public LockWait {
            blockers = List.copyOf(blockers);
        }

        public LockWait(String where, int attempt, Duration retryIn, Duration waited, List<Blocker> blockers,
                boolean blockersVisible) {
            this(where, attempt, retryIn, waited, blockers, blockersVisible, Instant.now());
        }
    }

    /**
     * A session that may hold the lock a statement waits for.
     *
     * @param sessionId the server's connection id (what {@code KILL} takes)
     * @param transactionOpen how long its transaction has been open
     * @param running the statement it runs now; empty when it is idle in its open transaction
     */
    record Blocker(long sessionId, String user, String host, Duration transactionOpen, Optional<String> running) {}

    /**
     * A resumed run waits for the statement an interrupted run left running on the server.
     *
     * @param sessionId the interrupted run's connection, still running the statement
     * @param waited since this run began to wait
     */
    record OrphanWait(long sessionId, Duration waited, Instant at) implements ProgressEvent {
        public OrphanWait(long sessionId, Duration waited) {
            this(sessionId, waited, Instant.now());
        }
    }

    /** A backup of {@code database} into {@code directory} begins; its tables' events follow until {@link BackupFinished}. */
    record BackupStarted(String database, Path directory, Instant at) implements ProgressEvent {
        public BackupStarted(String database, Path directory) {
            this(database, directory, Instant.now());
        }
    }

    /** The backup is written, read back and checked (a restore test, when one runs, comes after). */
    record BackupFinished(String database, Path dump, long rows, long bytes, Instant at) implements ProgressEvent {
        public BackupFinished(String database, Path dump, long rows, long bytes) {
            this(database, dump, rows, bytes, Instant.now());
        }
    }

    /**
     * A restore of {@code file} into {@code database} begins; its tables' events follow until
     * {@link RestoreFinished}.
     *
     * @param test true for a backup's restore test, into a scratch database dropped afterwards
     */
    record RestoreStarted(String database, Path file, boolean test, Instant at) implements ProgressEvent {
        public RestoreStarted(String database, Path file, boolean test) {
            this(database, file, test, Instant.now());
        }
    }

    /** Every statement of the file ran into {@code database}; the comparison with the manifest follows. */
    record RestoreFinished(String database, long rows, Instant at) implements ProgressEvent {
        public RestoreFinished(String database, long rows) {
            this(database, rows, Instant.now());
        }
    }

    /**
     * The tables a backup or restore is about to copy, in order, with the rows expected of each:
     * for a backup the server's estimate (information_schema.TABLES), for a restore the manifest's
     * exact counts.
     */
    record TablesPlanned(List<PlannedTable> tables, Instant at) implements ProgressEvent {
        public TablesPlanned {
            tables = List.copyOf(tables);
        }

        public TablesPlanned(List<PlannedTable> tables) {
            this(tables, Instant.now());
        }

        public long expectedRows() {
            return tables.stream().mapToLong(PlannedTable::expectedRows).sum();
        }
    }

    /** @param exact true when {@code expectedRows} is a count, false when it is the server's estimate */
    record PlannedTable(String name, long expectedRows, boolean exact) {}

    /**
     * A backup or restore moved on in one table (for a restore, statements of the table done).
     *
     * @param rows rows of the table done so far
     * @param bytes uncompressed SQL bytes of the table done so far
     * @param finished true once the whole table is done
     * @param estimatedRemaining the whole operation's remaining time, once there is a rate to judge by
     */
    record TableProgress(String table, long rows, long bytes, boolean finished, Optional<Duration> estimatedRemaining,
            Instant at) implements ProgressEvent {
        public TableProgress(String table, long rows, long bytes, boolean finished,
                Optional<Duration> estimatedRemaining) {
            this(table, rows, bytes, finished, estimatedRemaining, Instant.now());
        }
    }
}
