package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.history.JdbcHistory;
import org.dbcreator.history.JournalEntry;

/**
 * Journal rows on their way to the server, so that a data statement costs no journal round trip
 * and a schema statement one, and neither a commit of its own. The connection stays in a
 * transaction: a schema statement's start rides in it and the server commits it, implicitly,
 * before running the statement; a data statement's row waits in memory and is written in the same
 * transaction as the statement's work, before that transaction commits. The end of a schema
 * statement whose effect can be judged on resume also waits for the next row sent anyway.
 */
final class JournalBuffer {

    private final Connection connection;
    private final JdbcHistory history;
    /** Ends not yet sent. */
    private final List<JournalEntry> pending = new ArrayList<>();
    /** Ends sent in the open transaction: a rollback must not lose them, the statements they end are done. */
    private final List<JournalEntry> uncommittedEnds = new ArrayList<>();
    /** Rows of data statements whose work is in the open transaction, not yet sent: a rollback drops them with it. */
    private final List<JournalEntry> dataRows = new ArrayList<>();
    private long dataSince; // System.nanoTime() of the first data statement in the open transaction, or 0

    JournalBuffer(Connection connection, JdbcHistory history) {
        this.connection = connection;
        this.history = history;
    }

    /** Queues the end of a statement, to be sent with the next row. */
    void end(JournalEntry entry) {
        pending.add(entry);
    }

    /** Sends the queued rows and {@code row} into the open transaction. */
    void send(JournalEntry row) throws SQLException {
        List<JournalEntry> rows = new ArrayList<>(pending);
        rows.addAll(dataRows);
        rows.add(row);
        history.writeJournal(connection, rows);
        uncommittedEnds.addAll(pending);
        pending.clear();
        dataRows.clear(); // sent within the transaction that holds their work
    }

    /** A data statement ran in the open transaction: its row is written before that transaction commits. */
    void dataDone(JournalEntry row) {
        dataRows.add(row);
        if (dataSince == 0) {
            dataSince = System.nanoTime();
        }
    }

    /** How long a data statement's work has waited for its commit, in milliseconds. */
    long dataWaitingMillis() {
        return dataSince == 0 ? 0 : (System.nanoTime() - dataSince) / 1_000_000;
    }

    /** Sends what is queued and commits the open transaction. */
    void commit() throws SQLException {
        List<JournalEntry> rows = new ArrayList<>(pending);
        rows.addAll(dataRows);
        history.writeJournal(connection, rows);
        pending.clear();
        dataRows.clear();
        connection.commit();
        committed();
    }

    /** The server committed the open transaction by itself (a schema statement ran). */
    void committed() {
        uncommittedEnds.clear();
        dataSince = 0;
    }

    /**
     * Rolls the open transaction back: its data statements are undone with their journal rows and
     * run again on resume; the ends it carried go back in the queue.
     */
    void rollback() throws SQLException {
        connection.rollback();
        pending.addAll(0, uncommittedEnds);
        uncommittedEnds.clear();
        dataRows.clear();
        dataSince = 0;
    }
}
