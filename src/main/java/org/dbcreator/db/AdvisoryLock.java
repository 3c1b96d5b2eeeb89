package org.dbcreator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * One operator at a time: a server-side named lock ({@code GET_LOCK}) held on a dedicated
 * connection. The server releases it when that connection ends, so a crashed tool never leaves
 * the database locked; a short session {@code wait_timeout} bounds how long a vanished client's
 * connection lingers.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final int SESSION_WAIT_TIMEOUT_SECONDS = 120;

    private final Connection connection;
    private final String name;

    private AdvisoryLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** Takes the lock for {@code database} at once, or throws LOCK_HELD naming the holder. */
    public static AdvisoryLock acquire(Database database, String purpose) {
        String name = "dbcreator." + database.databaseName();
        Connection c = null;
        try {
            c = database.dedicatedConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION wait_timeout = " + SESSION_WAIT_TIMEOUT_SECONDS);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return new AdvisoryLock(c, name);
                    }
                }
            }
            String holder = describeHolder(c, name).orElse("another session");
            c.close();
            throw new DbCreatorException(ErrorCode.LOCK_HELD, "Cannot " + purpose + ": database '"
                    + database.databaseName() + "' is locked by " + holder + ".");
        } catch (SQLException e) {
            closeQuietly(c);
            throw new DbCreatorException(ErrorCode.CONNECTION_LOST, "Cannot take the operator lock: " + e.getMessage(), e);
        }
    }

    private static Optional<String> describeHolder(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)""")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of("connection " + rs.getLong(1) + " (" + rs.getString(2) + " from "
                            + rs.getString(3) + ", connected " + rs.getLong(4) + " s ago)");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
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
