package org.dbcreator.history;

import java.util.Optional;

/**
 * A row of {@code dbcreator_journal}: one statement's start and, once it ran, its end. A row
 * left STARTED means the run stopped while that statement was on the server.
 *
 * @param checksum the statement text's checksum: a resumed run must meet the same statement
 * @param connectionId the server connection that ran it, to find it in the process list
 */
public record JournalEntry(
        String runId,
        String script,
        int index,
        int line,
        String checksum,
        Outcome outcome,
        long connectionId,
        Optional<String> error) {

    public enum Outcome {
        STARTED,
        DONE,
        /** The run stopped mid-statement and the statement's effect was found in information_schema. */
        JUDGED_DONE,
        FAILED
    }

    public JournalEntry withOutcome(Outcome newOutcome) {
        return new JournalEntry(runId, script, index, line, checksum, newOutcome, connectionId, error);
    }

    public boolean isDone() {
        return outcome == Outcome.DONE || outcome == Outcome.JUDGED_DONE;
    }
}
