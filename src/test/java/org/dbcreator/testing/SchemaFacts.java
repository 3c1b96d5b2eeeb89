package org.dbcreator.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The product schema as facts every supported server reports alike (names, order, nullability,
 * keys), leaving out what servers render differently (integer display widths, collation names),
 * so one golden file per release serves MariaDB and MySQL.
 */
public final class SchemaFacts {

    private static final String[][] QUERIES = {
        {"table", "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME NOT LIKE 'dbcreator\\_%' ORDER BY 1"},
        {"column", "SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'dbcreator\\_%' ORDER BY 1, 2"},
        {"index", "SELECT TABLE_NAME, INDEX_NAME, IF(NON_UNIQUE = 0, 'unique', 'non-unique'),"
                + " GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'dbcreator\\_%' GROUP BY 1, 2, 3 ORDER BY 1, 2"},
        {"foreign key", "SELECT TABLE_NAME, CONSTRAINT_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION),"
                + " REFERENCED_TABLE_NAME, GROUP_CONCAT(REFERENCED_COLUMN_NAME ORDER BY ORDINAL_POSITION)"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL"
                + " GROUP BY 1, 2, 4 ORDER BY 1, 2"},
        {"routine", "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY 1, 2"},
        {"view", "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1"},
        {"trigger", "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION"
                + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1"},
    };

    private SchemaFacts() {}

    public static List<String> of(Connection c, String database) throws SQLException {
        List<String> facts = new ArrayList<>();
        for (String[] query : QUERIES) {
            try (PreparedStatement ps = c.prepareStatement(query[1])) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder(query[0]);
                        for (int i = 1; i <= columns; i++) {
                            line.append(i == 1 ? " " : " | ").append(rs.getString(i).toLowerCase());
                        }
                        facts.add(line.toString());
                    }
                }
            }
        }
        return facts;
    }
}
