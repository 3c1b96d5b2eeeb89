package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * After a crash, the last statement may still run on the server under its old connection. The
 * resumed run must wait for it rather than judge a half-done ALTER: it looks for the statement's
 * tag in the process list.
 */
final class OrphanWatch {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(30);

    private final Connection connection;
    private final ProgressListener listener;
    private final Duration patience;
    private final Cancellation cancellation;

    OrphanWatch(Connection connection, ProgressListener listener, Cancellation cancellation) {
        this(connection, listener, DEFAULT_PATIENCE, cancellation);
    }

    OrphanWatch(Connection connection, ProgressListener listener, Duration patience, Cancellation cancellation) {
        this.connection = connection;
        this.listener = listener;
        this.patience = patience;
        this.cancellation = cancellation;
    }

    /** Waits for every statement an interrupted run left on the server. */
    void awaitAll(List<JournalEntry> interrupted) throws SQLException {
        for (JournalEntry entry : interrupted) {
            awaitGone(entry.connectionId(), StatementTags.of(entry.runId(), entry.script(), entry.index()));
        }
    }

    void awaitGone(long connectionId, String tag) throws SQLException {
        long start = System.nanoTime();
        long lastReport = 0;
        while (isRunning(connectionId, tag.trim())) {
            long waited = System.nanoTime() - start;
            if (waited > patience.toNanos()) {
                throw new DbCreatorException(ErrorCode.STATE_UNKNOWN, "The interrupted statement still runs on"
                        + " connection " + connectionId + " after " + patience.toMinutes() + " minutes. Wait for it,"
                        + " or stop it with KILL QUERY " + connectionId + ", then run the command again.");
            }
            if (waited - lastReport >= REPORT_EVERY.toNanos() || lastReport == 0) {
                lastReport = Math.max(waited, 1);
                listener.onEvent(new ProgressEvent.OrphanWait(connectionId, Duration.ofNanos(waited)));
            }
            cancellation.pause(POLL); // the orphan runs on regardless: the rerun waits for it again
        }
    }

    private boolean isRunning(long connectionId, String tag) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null && rs.getString(1).startsWith(tag);
            }
        }
    }
}
