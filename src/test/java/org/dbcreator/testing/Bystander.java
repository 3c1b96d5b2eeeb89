package org.dbcreator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database that a test must leave alone: snapshots what information_schema says of it (tables,
 * columns, routines, views, triggers) and a checksum of every table's rows, and asserts at the end
 * that nothing changed. {@link #create()} makes one of its own with a table, a view, a routine, a
 * trigger and a row; {@link #watch} snapshots one the test made, e.g. a deployed product database.
 */
public final class Bystander implements AutoCloseable {

    private static final String[] QUERIES = {
        "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1",
        "SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2",
        "SELECT ROUTINE_TYPE, ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1, 2",
        "SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1",
        "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_STATEMENT FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1",
        "SELECT INDEX_NAME, TABLE_NAME, NON_UNIQUE, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX)"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() GROUP BY 1, 2, 3 ORDER BY 2, 1",
    };

    private final TestDatabase database;
    private final boolean owned;
    private final List<String> before;

    private Bystander(TestDatabase database, boolean owned) throws SQLException {
        this.database = database;
        this.owned = owned;
        this.before = snapshot();
    }

    /** A new bystander database with a table, a view, a procedure, a trigger and a row; dropped on close. */
    public static Bystander create() throws SQLException {
        TestDatabase database = TestDatabase.unique().create();
        database.execute(
                "CREATE TABLE host (id INT PRIMARY KEY, name VARCHAR(32) NOT NULL, note VARCHAR(32) NULL)",
                "CREATE TABLE host_log (id INT AUTO_INCREMENT PRIMARY KEY, host_id INT NOT NULL)",
                "INSERT INTO host VALUES (1, 'bystander', NULL)",
                "CREATE VIEW host_names AS SELECT name FROM host",
                "CREATE PROCEDURE count_hosts() SELECT COUNT(*) FROM host",
                "CREATE TRIGGER host_logged AFTER INSERT ON host FOR EACH ROW INSERT INTO host_log (host_id) VALUES (NEW.id)");
        return new Bystander(database, true);
    }

    /** Snapshots a database the test made itself; closing leaves it to the test. */
    public static Bystander watch(TestDatabase database) throws SQLException {
        return new Bystander(database, false);
    }

    public String name() {
        return database.name();
    }

    /** Fails naming what changed since the snapshot. */
    public void assertUnchanged() throws SQLException {
        assertThat(snapshot()).as("bystander database %s", database.name()).containsExactlyElementsOf(before);
    }

    private List<String> snapshot() throws SQLException {
        List<String> facts = new ArrayList<>();
        for (String query : QUERIES) {
            facts.addAll(database.rows(query));
        }
        for (String table : database.rows("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1")) {
            String columns = String.join(", ", database.rows("SELECT CONCAT('`', COLUMN_NAME, '`')"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table
                    + "' ORDER BY ORDINAL_POSITION"));
            facts.add("rows " + table + ": " + RowChecksum.of(database, "`" + table + "`", columns));
        }
        return facts;
    }

    @Override
    public void close() throws SQLException {
        if (owned) {
            database.close();
        }
    }
}
