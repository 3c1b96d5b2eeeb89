package org.dbcreator.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The product schema as strictly as information_schema tells it, for "this database equals a
 * fresh deploy" proofs on one server: tables with engine, collation and options; columns with
 * full types, defaults, charsets, collations, extras and comments; every index column with its
 * order and prefix; foreign keys with their rules; check constraints; views with their definition
 * and security; routines with their parameters and bodies; triggers with their bodies. The
 * database's own name is replaced by {@code <db>} so that two databases compare. Only the tool's
 * tables ({@code dbcreator_}) and the auto-increment counters (they follow the data) are left out.
 */
public final class StrictSchema {

    private static final String OWN = " AND TABLE_NAME NOT LIKE 'dbcreator\\_%'";
    private static final String[][] QUERIES = {
        {"table", "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, ROW_FORMAT, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?" + OWN + " ORDER BY 1"},
        {"column", "SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
                + " CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, COLUMN_KEY, COLUMN_COMMENT, GENERATION_EXPRESSION"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?" + OWN + " ORDER BY 1, 2"},
        {"index", "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COLLATION, SUB_PART, NULLABLE,"
                + " INDEX_TYPE, INDEX_COMMENT FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?" + OWN
                + " ORDER BY 1, 2, 4"},
        {"constraint", "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ?" + OWN + " ORDER BY 1, 2, 3"},
        {"foreign key", "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE,"
                + " r.MATCH_OPTION, (SELECT GROUP_CONCAT(CONCAT(k.COLUMN_NAME, '->', k.REFERENCED_COLUMN_NAME)"
                + " ORDER BY k.ORDINAL_POSITION) FROM information_schema.KEY_COLUMN_USAGE k"
                + " WHERE k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME"
                + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME) FROM information_schema.REFERENTIAL_CONSTRAINTS r"
                + " WHERE r.CONSTRAINT_SCHEMA = ? ORDER BY 1, 2"},
        {"check", "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2"},
        {"view", "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, IS_UPDATABLE, SECURITY_TYPE, CHARACTER_SET_CLIENT,"
                + " COLLATION_CONNECTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1"},
        {"routine", "SELECT ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,"
                + " SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, ROUTINE_COMMENT FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = ? ORDER BY 1, 2"},
        {"parameter", "SELECT SPECIFIC_NAME, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER"
                + " FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? ORDER BY 1, 2"},
        {"trigger", "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER, ACTION_TIMING,"
                + " ACTION_STATEMENT, SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1"},
        {"event", "SELECT EVENT_NAME, EVENT_DEFINITION, STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
                + " ORDER BY 1"},
    };

    private StrictSchema() {}

    /** One line per fact, in a stable order; compare two lists to compare two schemas. */
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
                            String value = rs.getString(i);
                            line.append(i == 1 ? " " : " | ").append(value == null ? "<null>"
                                    : value.replace("`" + database + "`", "`<db>`").replace(database + ".", "<db>."));
                        }
                        facts.add(line.toString());
                    }
                }
            }
        }
        return facts;
    }

    public static List<String> of(TestDatabase db) throws SQLException {
        try (Connection c = db.server().adminConnection()) {
            return of(c, db.name());
        }
    }

    /**
     * "table: count | checksum" of every base table of the product, over every column it has, so
     * that the rows of one database can be compared before and after a step.
     */
    public static List<String> rows(TestDatabase db) throws SQLException {
        List<String> tables = db.rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                + db.name() + "' AND TABLE_TYPE = 'BASE TABLE'" + OWN + " ORDER BY 1");
        List<String> fingerprints = new ArrayList<>();
        for (String table : tables) {
            List<String> columns = db.rows("SELECT CONCAT('`', COLUMN_NAME, '`') FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = '" + db.name() + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION");
            fingerprints.add(table + ": " + RowChecksum.of(db, "`" + db.name() + "`.`" + table + "`",
                    String.join(",", columns)));
        }
        return fingerprints;
    }
}
