package org.dbcreator.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * What an operation reports while it works. Front ends turn these into progress bars or lines;
 * the engine never prints.
 */
public sealed interface ProgressEvent {

    /**
     * An event whose payload is a type of the operation above this package (the engine's pre-flight
     * checks): declared beside that type, so this vocabulary depends on nothing above it.
     */
    non-sealed interface OperationEvent extends ProgressEvent {}

    /** A line for the live log. */
    record Notice(String message) implements ProgressEvent {}

    /**
     * A script (or data migration) begins.
     *
     * @param number 1-based position among the run's scripts
     * @param total how many scripts the run applies
     */
    record ScriptStarted(String script, String kind, int number, int total, int statements) implements ProgressEvent {}

    /** A statement ended; {@code skipped} when the journal showed it already done. */
    record StatementDone(String script, int index, int total, int line, long millis, boolean skipped)
            implements ProgressEvent {}

    /** A batch of a data migration committed. */
    record BatchDone(String migration, int batch, int rows) implements ProgressEvent {}

    /** A script ended; {@code alreadyApplied} when the history showed it applied before. */
    record ScriptFinished(String script, long millis, boolean alreadyApplied) implements ProgressEvent {}

    /**
     * A backup or restore moved on in one table (for a restore, statements of the table done).
     *
     * @param rows rows of the table done so far
     * @param bytes uncompressed SQL bytes of the table done so far
     * @param finished true once the whole table is done
     * @param estimatedRemaining the whole operation's remaining time, once there is a rate to judge by
     */
    record TableProgress(String table, long rows, long bytes, boolean finished, Optional<Duration> estimatedRemaining)
            implements ProgressEvent {}
}
