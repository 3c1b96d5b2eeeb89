package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Reads the database's definitions for the dump: tables with their columns, views, routines,
 * triggers and events, each as the server shows it with {@code SHOW CREATE}.
 */
final class SchemaReader {

    /** Rows of this tool table mean nothing in a restored copy: who held the lock when the backup ran. */
    static final String LOCK_TABLE = "dbcreator_lock";

    private static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");

    private final Connection c;
    private final String database;

    SchemaReader(Connection c, String database) {
        this.c = c;
        this.database = database;
    }

    DumpSchema read() throws SQLException {
        List<String> warnings = new ArrayList<>();
        Map<String, List<TableShape.Column>> columns = columns();
        Map<String, String> integerKeys = integerKeys();
        List<DumpSchema.Table> tables = new ArrayList<>();
        try (ResultSet rs = query("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH, 0)"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE <> 'VIEW' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String type = rs.getString(2);
                if (type.equalsIgnoreCase("SEQUENCE")) {
                    warnings.add("Sequence " + name + " is not backed up: sequences are not supported yet.");
                    continue;
                }
                TableShape shape = new TableShape(name, rs.getString(3), rs.getLong(4), rs.getLong(5),
                        columns.getOrDefault(name, List.of()), Optional.ofNullable(integerKeys.get(name)),
                        !name.equals(LOCK_TABLE));
                if (!shape.isTransactional()) {
                    warnings.add("Table " + name + " uses " + shape.engine() + ", not InnoDB: its rows are read"
                            + " outside the consistent snapshot and may not match the other tables'.");
                }
                tables.add(new DumpSchema.Table(shape, showCreate("TABLE", name, 2)));
            }
        }
        String[] charset = defaultCharacterSet();
        return new DumpSchema(charset[0], charset[1], tables, views(), routines(), triggers(), events(), warnings);
    }

    private Map<String, List<TableShape.Column>> columns() throws SQLException {
        Map<String, List<TableShape.Column>> columns = new LinkedHashMap<>();
        try (ResultSet rs = query("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, UPPER(EXTRA) FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            while (rs.next()) {
                String extra = rs.getString(4);
                // Generated columns are computed again on restore; MySQL's DEFAULT_GENERATED is an ordinary column.
                boolean generated = extra != null && (extra.contains("VIRTUAL GENERATED") || extra.contains("STORED GENERATED")
                        || extra.contains("PERSISTENT GENERATED"));
                if (!generated) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                            .add(new TableShape.Column(rs.getString(2), ColumnKind.of(rs.getString(3))));
                }
            }
        }
        return columns;
    }

    /** Tables whose primary key is one integer column: those can be split into key ranges. */
    private Map<String, String> integerKeys() throws SQLException {
        Map<String, String> keys = new HashMap<>();
        try (ResultSet rs = query("SELECT s.TABLE_NAME, MIN(s.COLUMN_NAME), COUNT(*), MIN(c.DATA_TYPE)"
                + " FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c"
                + " ON c.TABLE_SCHEMA = s.TABLE_SCHEMA AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME"
                + " WHERE s.TABLE_SCHEMA = ? AND s.INDEX_NAME = 'PRIMARY' GROUP BY s.TABLE_NAME")) {
            while (rs.next()) {
                if (rs.getInt(3) == 1 && INTEGER_TYPES.contains(rs.getString(4).toLowerCase(Locale.ROOT))) {
                    keys.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return keys;
    }

    private String[] defaultCharacterSet() throws SQLException {
        try (ResultSet rs = query("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME = ?")) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[] {"utf8mb4", "utf8mb4_general_ci"};
        }
    }

    /** Views in an order that creates a view only after the views it reads from. */
    private List<ObjectDefinition> views() throws SQLException {
        List<ObjectDefinition> views = new ArrayList<>();
        for (String name : names("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1")) {
            try (ResultSet rs = show("SHOW CREATE VIEW " + qualified(name))) {
                views.add(new ObjectDefinition(ObjectDefinition.Kind.VIEW, name, rs.getString(2), Optional.empty(),
                        Optional.ofNullable(rs.getString(4)), Optional.empty()));
            }
        }
        return ViewOrder.dependenciesFirst(views);
    }

    private List<ObjectDefinition> routines() throws SQLException {
        List<ObjectDefinition> routines = new ArrayList<>();
        try (ResultSet rs = query("SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? ORDER BY 1, 2")) {
            while (rs.next()) {
                String type = rs.getString(1).toUpperCase(Locale.ROOT);
                String name = rs.getString(2);
                // SHOW CREATE PROCEDURE: Procedure, sql_mode, Create Procedure, character_set_client, collation_connection
                routines.add(definition(ObjectDefinition.Kind.valueOf(type), name, "SHOW CREATE " + type + " " + qualified(name),
                        3, 2, 5, 0));
            }
        }
        return routines;
    }

    private List<ObjectDefinition> triggers() throws SQLException {
        List<ObjectDefinition> triggers = new ArrayList<>();
        for (String name : names("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER")) {
            // SHOW CREATE TRIGGER: Trigger, sql_mode, SQL Original Statement, character_set_client, collation_connection
            triggers.add(definition(ObjectDefinition.Kind.TRIGGER, name, "SHOW CREATE TRIGGER " + qualified(name), 3, 2, 5, 0));
        }
        return triggers;
    }

    private List<ObjectDefinition> events() throws SQLException {
        List<ObjectDefinition> events = new ArrayList<>();
        for (String name : names("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY 1")) {
            // SHOW CREATE EVENT: Event, sql_mode, time_zone, Create Event, character_set_client, collation_connection
            events.add(definition(ObjectDefinition.Kind.EVENT, name, "SHOW CREATE EVENT " + qualified(name), 4, 2, 6, 3));
        }
        return events;
    }

    private ObjectDefinition definition(ObjectDefinition.Kind kind, String name, String show, int createColumn,
            int sqlModeColumn, int collationColumn, int timeZoneColumn) throws SQLException {
        try (ResultSet rs = show(show)) {
            String create = rs.getString(createColumn);
            if (create == null) {
                throw new DbCreatorException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The server does not show the definition of "
                        + kind.label() + " " + name + " to this user, so it cannot be backed up.");
            }
            return new ObjectDefinition(kind, name, create, Optional.ofNullable(rs.getString(sqlModeColumn)),
                    Optional.ofNullable(rs.getString(collationColumn)),
                    timeZoneColumn > 0 ? Optional.ofNullable(rs.getString(timeZoneColumn)) : Optional.empty());
        }
    }

    private String showCreate(String kind, String name, int column) throws SQLException {
        try (ResultSet rs = show("SHOW CREATE " + kind + " " + qualified(name))) {
            return rs.getString(column);
        }
    }

    private String qualified(String name) {
        return SqlNames.quote(database) + "." + SqlNames.quote(name);
    }

    private ResultSet show(String sql) throws SQLException {
        Statement s = c.createStatement();
        s.closeOnCompletion();
        ResultSet rs = s.executeQuery(sql);
        if (!rs.next()) {
            rs.close();
            throw new SQLException("The server returned nothing for: " + sql);
        }
        return rs;
    }

    private List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = query(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private ResultSet query(String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        ps.setString(1, database);
        return ps.executeQuery();
    }
}
