package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dbcreator.db.Database;

/**
 * The database a restore writes into: what it holds now (so that the operator hears what a
 * replace loses), and the statements that create or drop it.
 */
final class RestoreTarget {

    /**
     * @param tables "name (about N rows)" for each table
     * @param others views, routines and events, e.g. "view vm_view"
     */
    record Contents(boolean exists, List<String> tables, long estimatedRows, List<String> others) {
        boolean isEmpty() {
            return tables.isEmpty() && others.isEmpty();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            parts.add(tables.size() + (tables.size() == 1 ? " table" : " tables") + " (about " + estimatedRows + " rows: "
                    + String.join(", ", tables.stream().limit(12).toList()) + (tables.size() > 12 ? ", ..." : "") + ")");
            if (!others.isEmpty()) {
                parts.add(String.join(", ", others));
            }
            return String.join("; ", parts);
        }
    }

    private static final String OTHERS = """
            SELECT CONCAT('view ', TABLE_NAME), 'VIEW', TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
            UNION ALL SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME), ROUTINE_TYPE, ROUTINE_NAME
              FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
            UNION ALL SELECT CONCAT('event ', EVENT_NAME), 'EVENT', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
            ORDER BY 1""";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final Database target;

    RestoreTarget(Database target) {
        this.target = target;
    }

    Contents contents() throws SQLException {
        String db = target.databaseName();
        try (Connection c = target.serverConnection()) {
            if (!exists(c)) {
                return new Contents(false, List.of(), 0, List.of());
            }
            List<String> tables = new ArrayList<>();
            long rows = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'VIEW' ORDER BY TABLE_ROWS DESC, TABLE_NAME")) {
                ps.setString(1, db);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                        rows += rs.getLong(2);
                    }
                }
            }
            List<String> others = new ArrayList<>();
            forEachOther(c, (label, kind, name) -> others.add(label));
            return new Contents(true, tables, rows, others);
        }
    }

    /** Creates the database with the backup's default character set and collation, when they are plain names. */
    void create(String characterSet, String collation) throws SQLException {
        String defaults = PLAIN_NAME.matcher(characterSet).matches() ? " CHARACTER SET " + characterSet
                + (PLAIN_NAME.matcher(collation).matches() ? " COLLATE " + collation : "") : "";
        try (Connection c = target.serverConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + SqlNames.quote(target.databaseName()) + defaults);
        }
    }

    void dropDatabase() throws SQLException {
        try (Connection c = target.serverConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SqlNames.quote(target.databaseName()));
        }
    }

    private interface ObjectVisitor {
        void visit(String label, String kind, String name);
    }

    private void forEachOther(Connection c, ObjectVisitor visitor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OTHERS)) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, target.databaseName());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(rs.getString(1), rs.getString(2), rs.getString(3));
                }
            }
        }
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, target.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
