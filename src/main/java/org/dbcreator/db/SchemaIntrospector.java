package org.dbcreator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Reads a database's shape from information_schema into a {@link SchemaSnapshot}. */
public final class SchemaIntrospector {

    /** The tool's own tables; "the product's schema" is everything else. */
    public static final String TOOL_PREFIX = "dbcreator\\_%";

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("tables", """
                SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION FROM information_schema.TABLES
                 WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE ?""");
        QUERIES.put("columns", """
                SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,
                       EXTRA, CHARACTER_SET_NAME, COLLATION_NAME
                  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE ?""");
        QUERIES.put("indexes", """
                SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, SUB_PART, INDEX_TYPE
                  FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE ?""");
        QUERIES.put("foreign keys", """
                SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME,
                       k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE
                  FROM information_schema.KEY_COLUMN_USAGE k
                  JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                    ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
                   AND r.TABLE_NAME = k.TABLE_NAME
                 WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME NOT LIKE ?""");
        QUERIES.put("views", """
                SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE FROM information_schema.VIEWS
                 WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE ?""");
        QUERIES.put("routines", """
                SELECT ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,
                       SQL_DATA_ACCESS, SECURITY_TYPE
                  FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME NOT LIKE ?""");
        QUERIES.put("triggers", """
                SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
                  FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME NOT LIKE ?""");
        QUERIES.put("events", """
                SELECT EVENT_NAME, EVENT_DEFINITION, INTERVAL_VALUE, INTERVAL_FIELD, STATUS
                  FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND EVENT_NAME NOT LIKE ?""");
    }

    private SchemaIntrospector() {}

    /** The product's schema: everything but the tool's own {@code dbcreator_} objects. */
    public static SchemaSnapshot productSchema(Connection c, String database) throws SQLException {
        return snapshot(c, database, TOOL_PREFIX);
    }

    /** Everything in the database, the tool's own tables included. */
    public static SchemaSnapshot wholeSchema(Connection c, String database) throws SQLException {
        return snapshot(c, database, "");
    }

    private static SchemaSnapshot snapshot(Connection c, String database, String excluded) throws SQLException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (Map.Entry<String, String> query : QUERIES.entrySet()) {
            sections.put(query.getKey(), lines(c, query.getValue(), database, excluded));
        }
        return new SchemaSnapshot(sections);
    }

    private static List<String> lines(Connection c, String sql, String database, String excluded) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, excluded);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                // Views name their own database; strip it so databases under other names compare.
                String ownPrefix = "`" + database + "`.";
                while (rs.next()) {
                    StringJoiner line = new StringJoiner(" | ");
                    for (int i = 1; i <= columns; i++) {
                        line.add(String.valueOf(rs.getString(i)).replace(ownPrefix, ""));
                    }
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }
}
