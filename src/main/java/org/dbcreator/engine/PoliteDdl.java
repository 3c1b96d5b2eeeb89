package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Runs schema statements so that they never stall the nodes for long. A DDL statement that waits
 * for a table's metadata lock makes every later query on that table queue behind it; so each DDL
 * waits at most {@link #LOCK_WAIT_SECONDS} for the lock, gives up, names who holds it, backs off
 * (letting the queued node queries through) and tries again.
 *
 * <p>The same bound holds for the InnoDB locks a DDL statement waits for while it holds the
 * table's exclusive metadata lock: on MariaDB an online ALTER of a table that others reference by
 * foreign key locks those child tables when it commits. A node transaction that wrote a child
 * table (host_capacity) and then reads the parent (host) waits for the ALTER's metadata lock,
 * while the ALTER waits for the node's table lock: neither server notices, and without the bound
 * both wait out innodb_lock_wait_timeout (50 s by default), with every node query on the table
 * queued behind them.
 */
final class PoliteDdl {

    /** How long one attempt may hold the nodes' queries behind it. */
    static final int LOCK_WAIT_SECONDS = 1;
    static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(30);
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final long MAX_BACKOFF_MILLIS = 8_000;

    private final Connection connection;
    private final ProgressListener listener;
    private final Duration patience;
    private final boolean boundInnodbWaits;
    private final Cancellation cancellation;
    private boolean shortInnodbWaits;

    /**
     * @param boundInnodbWaits false where no other session can hold the rows a statement needs
     *     (a fresh deploy: no node runs yet), which spares two round trips per schema statement
     * @param cancellation checked after each attempt that found the lock taken, and during the
     *     backoff; an attempt itself waits at most {@link #LOCK_WAIT_SECONDS}, so a cancel is
     *     honoured within about a second and never cuts a statement that got its lock
     */
    PoliteDdl(Connection connection, ProgressListener listener, Duration patience, boolean boundInnodbWaits,
            Cancellation cancellation) throws SQLException {
        this.boundInnodbWaits = boundInnodbWaits;
        this.cancellation = cancellation;
        this.connection = connection;
        this.listener = listener;
        this.patience = patience;
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
        }
    }

    /**
     * Runs {@code sql}, retrying while other sessions hold the metadata lock (or row and table
     * locks) it needs. The short InnoDB lock wait stays set for the schema statements that follow;
     * call {@link #relax()} before a data statement.
     */
    void execute(String sql, String where) throws SQLException {
        if (boundInnodbWaits && !shortInnodbWaits) {
            setInnodbLockWait(String.valueOf(LOCK_WAIT_SECONDS));
            shortInnodbWaits = true;
        }
        executeRetrying(sql, where);
    }

    /** Gives the data statements on this connection the server's own patience with row locks back. */
    void relax() throws SQLException {
        if (shortInnodbWaits) {
            setInnodbLockWait("DEFAULT");
            shortInnodbWaits = false;
        }
    }

    private void setInnodbLockWait(String seconds) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
        }
    }

    private void executeRetrying(String sql, String where) throws SQLException {
        long began = System.nanoTime();
        long deadline = began + patience.toNanos();
        long backoff = 500;
        for (int attempt = 1; ; attempt++) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != LOCK_WAIT_TIMEOUT || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw e;
                }
                cancellation.throwIfCancelled(); // the statement gave up its wait: it did not run
                Optional<List<ProgressEvent.Blocker>> blockers = blockers();
                listener.onEvent(new ProgressEvent.LockWait(where, attempt + 1, Duration.ofMillis(backoff),
                        Duration.ofNanos(System.nanoTime() - began), blockers.orElse(List.of()), blockers.isPresent()));
                cancellation.pause(Duration.ofMillis(backoff));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Open transactions (idle ones hold their locks too) and what they run, from INNODB_TRX and the
     * process list: the oldest in the product database first, since MariaDB names no lock holder
     * without its METADATA_LOCK_INFO plugin and sessions of other databases rarely hold this one.
     * Empty when the account may not read them (it lacks PROCESS).
     */
    private Optional<List<ProgressEvent.Blocker>> blockers() {
        List<ProgressEvent.Blocker> blockers = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.trx_mysql_thread_id, MAX(p.USER), MAX(p.HOST),
                       TIMESTAMPDIFF(SECOND, MIN(t.trx_started), NOW()), LEFT(COALESCE(MAX(t.trx_query), ''), 60)
                  FROM information_schema.INNODB_TRX t
                  LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
                 WHERE t.trx_mysql_thread_id <> CONNECTION_ID()
                 GROUP BY t.trx_mysql_thread_id
                 ORDER BY MAX(p.DB <=> DATABASE()) DESC, MIN(t.trx_started) LIMIT 3""")) {
            while (rs.next()) {
                String running = rs.getString(5);
                blockers.add(new ProgressEvent.Blocker(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Duration.ofSeconds(rs.getLong(4)), running.isBlank() ? Optional.empty() : Optional.of(running)));
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
        return Optional.of(blockers);
    }
}
