package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.dbcreator.db.Database;
import org.dbcreator.progress.Cancellation;

/**
 * The connections a backup reads on, all seeing one consistent state of the database, without
 * blocking the product's nodes: each runs a read-only InnoDB consistent-snapshot transaction.
 *
 * <p>MariaDB cannot hand one snapshot to several connections. To start several at the same
 * point, commits are paused for a moment ({@code BACKUP STAGE BLOCK_COMMIT}, which waits for
 * running DDL and commits but not for queries) while each connection starts its transaction. The
 * wait for that lock is bounded; when it cannot be had in time, or the user lacks RELOAD, or the
 * server is MySQL, the backup reads on one connection instead of stalling the nodes.
 */
final class Snapshot implements AutoCloseable {

    /** Every value arrives as UTF-8 bytes, whatever the column's own character set. */
    static final Map<String, String> READER_PROPERTIES = Map.of("characterSetResults", "UTF-8");

    private final List<Connection> connections;
    private final String description;

    private Snapshot(List<Connection> connections, String description) {
        this.connections = List.copyOf(connections);
        this.description = description;
    }

    /**
     * @param wanted how many connections the caller would like (1 needs no lock)
     * @param lockWait how long to wait for the lock that aligns several connections
     * @param fallbackNotice told why the backup reads on one connection, when it had to fall back
     * @param cancellation ends the wait for the aligning lock at once (the wait changes nothing)
     */
    static Snapshot open(Database database, int wanted, Duration lockWait, Consumer<String> fallbackNotice,
            Cancellation cancellation) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < wanted; i++) {
                connections.add(readerConnection(database));
            }
            if (wanted > 1 && !database.server().isMariaDb()) {
                fallbackNotice.accept("Reading on one connection: MySQL cannot align several on one snapshot yet.");
            } else if (wanted > 1) {
                try {
                    long pausedMicros = startAligned(database, connections, lockWait, cancellation);
                    return new Snapshot(connections, "one consistent snapshot on " + wanted + " connections (commits paused "
                            + Math.max(1, pausedMicros / 1000) + " ms)");
                } catch (SQLException e) {
                    cancellation.throwIfCancelled(); // the wait was stopped as asked, not given up
                    fallbackNotice.accept("Reading on one connection: the brief lock that aligns several could not be"
                            + " had within " + lockWait.toSeconds() + " s (" + e.getMessage() + ").");
                }
            }
            while (connections.size() > 1) {
                connections.remove(connections.size() - 1).close();
            }
            startTransaction(connections.get(0));
            return new Snapshot(connections, "one consistent snapshot on 1 connection");
        } catch (SQLException | RuntimeException e) {
            closeAll(connections);
            throw e;
        }
    }

    /** Connections for reading a database nobody writes to (a restored copy): no alignment needed. */
    static Snapshot unaligned(Database database, int count) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                connections.add(readerConnection(database));
            }
            return new Snapshot(connections, count + " connections");
        } catch (SQLException | RuntimeException e) {
            closeAll(connections);
            throw e;
        }
    }

    private static Connection readerConnection(Database database) throws SQLException {
        Connection c = database.dedicatedConnection(READER_PROPERTIES);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            // Definitions and values read under the mode the dump replays them under: SHOW CREATE TABLE quotes
            // with " under ANSI_QUOTES and drops ENGINE and CHARSET under ORACLE; CHAR values come padded
            // under PAD_CHAR_TO_FULL_LENGTH. Routines, triggers and events show their own mode regardless.
            s.execute("SET SESSION sql_mode = '" + DumpScript.SESSION_SQL_MODE + "'");
            s.execute("SET SESSION time_zone = '+00:00'"); // TIMESTAMP values as UTC, as the dump restores them
            s.execute("SET SESSION net_write_timeout = 3600"); // the writer may pause reading while the disk catches up
            s.execute(database.server().isMariaDb() ? "SET SESSION max_statement_time = 0" : "SET SESSION max_execution_time = 0");
            c.setCatalog(database.databaseName());
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Pauses commits, starts every transaction, resumes commits; returns how long commits were
     * paused. Both lock waits end at once on a cancel: they change nothing.
     */
    @SuppressWarnings("try") // a registration is held for its wait, never used in it
    private static long startAligned(Database database, List<Connection> connections, Duration lockWait,
            Cancellation cancellation) throws SQLException {
        try (Connection control = database.dedicatedConnection(); Statement s = control.createStatement()) {
            int seconds = (int) Math.max(1, lockWait.toSeconds());
            s.execute("SET SESSION lock_wait_timeout = " + seconds);
            s.setQueryTimeout(seconds + 5); // a safety net should the server not apply lock_wait_timeout
            try (Cancellation.Registration stop = cancellation.onCancel(() -> cancelQuietly(s))) {
                s.execute("BACKUP STAGE START"); // waits while another backup holds its stages
            }
            try {
                try (Cancellation.Registration stop = cancellation.onCancel(() -> cancelQuietly(s))) {
                    s.execute("BACKUP STAGE BLOCK_COMMIT"); // waits behind running commits and DDL
                }
                long paused = System.nanoTime();
                for (Connection c : connections) {
                    startTransaction(c);
                }
                paused = System.nanoTime() - paused;
                s.execute("BACKUP STAGE END");
                return paused / 1000;
            } catch (SQLException e) {
                endQuietly(s);
                throw e;
            }
        }
    }

    /** Stops the lock wait from another connection (the driver sends KILL QUERY). */
    private static void cancelQuietly(Statement s) {
        try {
            s.cancel();
        } catch (SQLException ignored) {
            // the wait ends with its own timeout instead
        }
    }

    private static void startTransaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        }
    }

    private static void endQuietly(Statement s) {
        try {
            s.execute("BACKUP STAGE END");
        } catch (SQLException ignored) {
            // the control connection closes next, which ends the stage anyway
        }
    }

    List<Connection> connections() {
        return connections;
    }

    Connection first() {
        return connections.get(0);
    }

    /** e.g. "one consistent snapshot on 3 connections (commits paused 2 ms)". */
    String description() {
        return description;
    }

    /** Breaks off every read at once, e.g. after the disk filled: a streaming read cannot be cancelled otherwise. */
    void abortAll() {
        Executor direct = Runnable::run;
        for (Connection c : connections) {
            try {
                c.abort(direct);
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        closeAll(connections);
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                c.close(); // ends the read-only transaction with it
            } catch (SQLException ignored) {
                // nothing to release
            }
        }
    }
}
