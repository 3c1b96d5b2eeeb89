package org.dbcreator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator at a time: a server-side named lock ({@code GET_LOCK}) held on a dedicated
 * connection. The server releases it when that connection ends, so a crashed tool never leaves
 * the database locked; a short session {@code wait_timeout} ends the connection of a client that
 * vanished without closing it, and a heartbeat keeps a live holder's connection from timing out.
 * Who holds the lock, since when and for what is written to {@code dbcreator_lock} (when the
 * tool's tables exist) so that a refused operator learns it.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);
    /** What recording the holder in {@code dbcreator_lock} and erasing the record on release needs. */
    private static final Set<String> RECORD_PRIVILEGES = Set.of("INSERT", "UPDATE", "DELETE");
    static final int SESSION_WAIT_TIMEOUT_SECONDS = 30;
    static final int HEARTBEAT_SECONDS = 10;

    private final Connection connection;
    private final String name;
    private final Database database;
    private ScheduledExecutorService heartbeat;
    private volatile Thread heartbeatThread;
    private boolean recorded;

    private AdvisoryLock(Connection connection, String name, Database database) {
        this.connection = connection;
        this.name = name;
        this.database = database;
    }

    /** Started once the lock is fully taken (held and recorded): a lock that fails half-way never had one. */
    private void startHeartbeat() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dbcreator-lock-heartbeat");
            t.setDaemon(true);
            heartbeatThread = t;
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private static String lockName(Database database) {
        return "dbcreator." + database.databaseName();
    }

    /**
     * Takes the lock for the product database at once, or throws LOCK_HELD naming the holder.
     *
     * @param operation what the holder does, e.g. "upgrade", shown to a refused operator
     * @param holder who the holder is, e.g. "admin@% (ops on build-7)"
     */
    public static AdvisoryLock acquire(Database database, String operation, String holder) {
        String name = lockName(database);
        Connection c = null;
        try {
            c = database.dedicatedConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION wait_timeout = " + SESSION_WAIT_TIMEOUT_SECONDS);
            }
            requireRecordPrivileges(c, database, operation); // before the lock: a refused operator leaves no trace
            if (getLock(c, name)) {
                AdvisoryLock lock = new AdvisoryLock(c, name, database);
                try {
                    lock.record(database, operation, holder);
                } catch (SQLException | RuntimeException e) {
                    lock.close(); // released at once: the operation does not start
                    throw e;
                }
                lock.startHeartbeat();
                return lock;
            }
            String who = describeHolder(c, database).orElse("another session");
            c.close();
            throw new DbCreatorException(ErrorCode.LOCK_HELD, "Cannot " + operation + ": database '"
                    + database.databaseName() + "' is locked by " + who + ".");
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure(e, database, operation);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The lock's own failure told as what it is: a refusal is not a lost connection. */
    private static DbCreatorException failure(SQLException e, Database database, String operation) {
        if (SqlFailures.isConnectionLoss(e)) {
            return new DbCreatorException(ErrorCode.CONNECTION_LOST, "Cannot take the operator lock: " + e.getMessage(), e);
        }
        if (SqlFailures.isPrivilegeDenied(e)) {
            return new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "Cannot " + operation + ": user '"
                    + database.settings().user() + "' may not record the operator lock in "
                    + database.databaseName() + ".dbcreator_lock (" + e.getMessage() + "); nothing was changed.", e);
        }
        return new DbCreatorException(ErrorCode.INTERNAL, "Cannot take the operator lock: the server said "
                + e.getMessage() + " (error " + e.getErrorCode() + ", SQLSTATE " + e.getSQLState() + ").", e);
    }

    /** Where the tool's tables exist, the holder is recorded there: a user who may not do that cannot take the lock. */
    private static void requireRecordPrivileges(Connection c, Database database, String operation) throws SQLException {
        if (!lockTableExists(c, database)) {
            return;
        }
        Set<String> missing = Privileges.missing(c, database.databaseName(), RECORD_PRIVILEGES);
        if (!missing.isEmpty()) {
            throw new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "Cannot " + operation + ": user '"
                    + database.settings().user() + "' lacks " + String.join(", ", missing) + " on database '"
                    + database.databaseName() + "', which recording the operator lock in dbcreator_lock needs;"
                    + " nothing was changed. GRANT " + String.join(", ", missing) + " ON "
                    + Identifiers.quote(database.databaseName()) + ".* TO the user.");
        }
    }

    /** Who holds the lock now, if anyone; for pre-flight checks, without taking it. */
    public static Optional<String> holder(Database database) throws SQLException {
        try (Connection c = database.serverConnection(); PreparedStatement ps = c.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
            ps.setString(1, lockName(database));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return Optional.empty();
                }
            }
            return Optional.of(describeHolder(c, database).orElse("another session"));
        }
    }

    private static boolean getLock(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private void record(Database database, String operation, String holder) throws SQLException {
        if (!lockTableExists(connection, database)) {
            return; // a first deploy: the tool's tables come later; the process list still names the holder
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + Identifiers.quote(database.databaseName())
                + ".dbcreator_lock (id, connection_id, holder, operation, since, heartbeat)"
                + " VALUES (1, CONNECTION_ID(), ?, ?, NOW(3), NOW(3)) ON DUPLICATE KEY UPDATE"
                + " connection_id = VALUES(connection_id), holder = VALUES(holder), operation = VALUES(operation),"
                + " since = VALUES(since), heartbeat = VALUES(heartbeat)")) {
            ps.setString(1, holder);
            ps.setString(2, operation);
            ps.executeUpdate();
        }
        recorded = true;
    }

    /** A released lock leaves no trace: the row is only there while someone holds the lock. */
    private void eraseRecord() throws SQLException {
        if (recorded) {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM " + Identifiers.quote(database.databaseName())
                        + ".dbcreator_lock WHERE id = 1 AND connection_id = CONNECTION_ID()");
            }
        }
    }

    /** The recorded holder when its connection still holds the lock, else what the process list says. */
    private static Optional<String> describeHolder(Connection c, Database database) throws SQLException {
        String name = lockName(database);
        if (lockTableExists(c, database)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT holder, operation, since, connection_id FROM "
                    + Identifiers.quote(database.databaseName()) + ".dbcreator_lock WHERE id = 1 AND connection_id = IS_USED_LOCK(?)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1) + ", running " + rs.getString(2) + " since "
                                + rs.getTimestamp(3).toLocalDateTime().withNano(0) + " (connection " + rs.getLong(4) + ")");
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, USER, HOST FROM information_schema.PROCESSLIST WHERE ID = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of("connection " + rs.getLong(1) + " (" + rs.getString(2) + " from " + rs.getString(3) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean lockTableExists(Connection c, Database database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'dbcreator_lock'")) {
            ps.setString(1, database.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private synchronized void beat() {
        try (Statement s = connection.createStatement()) {
            s.execute("DO 1");
        } catch (SQLException e) {
            LOG.warn("the operator lock's heartbeat failed: {}", e.getMessage());
        }
    }

    /**
     * Stops the heartbeat and waits for its thread to end (outside this object's monitor, which a
     * beat under way needs), then releases the lock: no heartbeat outlives the lock.
     */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            try {
                if (!heartbeat.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("the operator lock's heartbeat did not stop within 5 s");
                }
                Thread thread = heartbeatThread;
                if (thread != null) {
                    thread.join(1_000); // a terminated executor's thread may still be on its way out
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    private synchronized void release() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            eraseRecord();
            ps.setString(1, name);
            ps.execute();
        } catch (SQLException e) {
            // the lock dies with the connection anyway
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
