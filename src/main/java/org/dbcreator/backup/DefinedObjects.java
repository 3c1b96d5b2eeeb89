package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The views, routines, triggers and events of a database as the server shows them, so that they
 * can be dropped and created again in the same or another database: RENAME TABLE moves tables
 * across databases, but not views, and not tables that have triggers. Each is created under the
 * {@code sql_mode}, collation and time zone it was created with.
 */
final class DefinedObjects {

    /** One object: its kind (VIEW, FUNCTION, PROCEDURE, TRIGGER, EVENT), name and CREATE statement as shown. */
    record Definition(String kind, String name, String create, String sqlMode, String collation, String timeZone) {
        String label() {
            return kind.toLowerCase(Locale.ROOT) + " " + name;
        }
    }

    private static final String LIST = """
            SELECT 'VIEW', TABLE_NAME, 1, '', 0 FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
            UNION ALL SELECT ROUTINE_TYPE, ROUTINE_NAME, 0, '', 0 FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
            UNION ALL SELECT 'TRIGGER', TRIGGER_NAME, 2, EVENT_OBJECT_TABLE, ACTION_ORDER
              FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
            UNION ALL SELECT 'EVENT', EVENT_NAME, 3, '', 0 FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
            ORDER BY 3, 4, 5, 2""";

    private final List<Definition> definitions;

    private DefinedObjects(List<Definition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    /**
     * Reads them on {@code c}, whose default database becomes {@code database} so that the
     * server shows names without the database's own; routines first, then views, triggers (in
     * their firing order) and events.
     */
    static DefinedObjects read(Connection c, String database) throws SQLException {
        c.setCatalog(database);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''"); // names come back in backquotes whatever the server's mode
        }
        List<Definition> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LIST)) {
            for (int i = 1; i <= 4; i++) {
                ps.setString(i, database);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Definition(rs.getString(1), rs.getString(2), "", "", "", ""));
                }
            }
        }
        List<Definition> definitions = new ArrayList<>();
        for (Definition d : found) {
            definitions.add(show(c, d.kind(), d.name()));
        }
        return new DefinedObjects(definitions);
    }

    List<Definition> all() {
        return definitions;
    }

    List<String> labels() {
        return definitions.stream().map(Definition::label).sorted().toList();
    }

    List<Definition> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return definitions.stream().filter(d -> wanted.contains(d.kind())).toList();
    }

    /** Drops those of the given kinds from {@code database}. */
    void drop(Connection c, String database, String... kinds) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Definition d : ofKind(kinds)) {
                s.execute("DROP " + d.kind() + " IF EXISTS " + SqlNames.quote(database) + "." + SqlNames.quote(d.name()));
            }
        }
    }

    /**
     * Creates those of the given kinds in {@code database}. A view that reads a view not created
     * yet fails and is tried again after the others, until a round makes no progress.
     */
    void create(Connection c, String database, String... kinds) throws SQLException {
        c.setCatalog(database);
        List<Definition> pending = new ArrayList<>(ofKind(kinds));
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            while (!pending.isEmpty()) {
                List<Definition> failed = new ArrayList<>();
                SQLException last = null;
                for (Definition d : pending) {
                    try {
                        createOne(s, d);
                    } catch (SQLException e) {
                        if (!d.kind().equals("VIEW")) {
                            throw e;
                        }
                        failed.add(d);
                        last = e;
                    }
                }
                if (failed.size() == pending.size()) {
                    throw last;
                }
                pending = failed;
            }
            s.execute("SET SESSION sql_mode = '', time_zone = DEFAULT");
        }
    }

    private static void createOne(Statement s, Definition d) throws SQLException {
        s.execute("SET SESSION sql_mode = " + SqlNames.literal(d.sqlMode()));
        // the text travels as UTF-8; the collation of the connection decides that of its string literals
        s.execute("SET NAMES utf8mb4, collation_connection = " + SqlNames.literal(d.collation()));
        if (!d.timeZone().isEmpty()) {
            s.execute("SET SESSION time_zone = " + SqlNames.literal(d.timeZone()));
        }
        s.execute(d.create());
    }

    private static Definition show(Connection c, String kind, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW CREATE " + kind + " " + SqlNames.quote(name))) {
            if (!rs.next()) {
                throw new SQLException("SHOW CREATE " + kind + " " + name + " returned nothing");
            }
            String create = switch (kind) {
                case "VIEW" -> rs.getString(2);
                case "TRIGGER", "FUNCTION", "PROCEDURE" -> rs.getString(3);
                default -> rs.getString(4);
            };
            if (create == null) {
                throw new SQLException("the server shows no definition of " + kind.toLowerCase(Locale.ROOT) + " " + name
                        + " to this user");
            }
            String sqlMode = kind.equals("VIEW") ? "" : rs.getString("sql_mode");
            String timeZone = kind.equals("EVENT") ? rs.getString("time_zone") : "";
            return new Definition(kind, name, create, sqlMode, rs.getString("collation_connection"), timeZone);
        }
    }
}
