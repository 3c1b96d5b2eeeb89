package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The table {@code dbcreator_restore} in a database that a restore is moving its tables into: it
 * arrives before the first table and leaves in the same statement as the last one, so a restore
 * stopped half-way (tables there, views or routines missing) is never taken for a complete
 * database. Every operation refuses a database that holds it.
 */
public final class RestoreMarker {

    static final String TABLE = "dbcreator_restore";

    /** @param oldContents the database that holds what the target held before, until the restore is complete */
    record Mark(String file, String restoredBy, String oldContents) {}

    private RestoreMarker() {}

    /** Throws OPERATION_IN_PROGRESS when a restore into {@code database} is unfinished. */
    public static void refuseUnfinished(Connection c, String database) throws SQLException {
        Optional<Mark> mark = read(c, database);
        if (mark.isPresent()) {
            throw new DbCreatorException(ErrorCode.OPERATION_IN_PROGRESS, unfinished(database, mark.get()));
        }
    }

    static String unfinished(String database, Mark m) {
        return "'" + database + "' is half-restored: a restore of " + m.file() + " by " + m.restoredBy() + " stopped before"
                + " it was complete (tables may be there without their views, routines or triggers). Finish it by"
                + " restoring " + m.file() + " into it again, replacing what it holds, or remove it with"
                + " DROP DATABASE `" + database + "`" + (m.oldContents().isEmpty() ? "" : "; what it held before is in the"
                + " database '" + m.oldContents() + "'") + ".";
    }

    static Optional<Mark> read(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = '" + TABLE + "'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file, restored_by, old_contents FROM "
                + SqlNames.quote(database) + "." + TABLE + " WHERE id = 1")) {
            return Optional.of(rs.next() ? new Mark(rs.getString(1), rs.getString(2), rs.getString(3))
                    : new Mark("FILE", "an earlier run", ""));
        }
    }

    static void write(Connection c, String database, Mark m) throws SQLException {
        String table = SqlNames.quote(database) + "." + TABLE;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id TINYINT NOT NULL PRIMARY KEY, file VARCHAR(1024) NOT NULL,"
                    + " restored_by VARCHAR(255) NOT NULL, old_contents VARCHAR(64) NOT NULL, started_at DATETIME(3) NOT NULL)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='DatabaseCreator: a restore is moving its tables in'");
        }
        try (PreparedStatement ps = c.prepareStatement("REPLACE INTO " + table
                + " (id, file, restored_by, old_contents, started_at) VALUES (1, ?, ?, ?, NOW(3))")) {
            ps.setString(1, m.file());
            ps.setString(2, m.restoredBy());
            ps.setString(3, m.oldContents());
            ps.executeUpdate();
        }
    }
}
