package org.dbcreator.backup;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;

/** Databases for the backup tests: the demo product with values that are easy to get wrong, and every kind of object. */
final class Fixtures {

    static final Catalog CATALOG = Catalog.bundled();

    private Fixtures() {}

    /** The release whose schema the rows below are written for. */
    static final Version RELEASE = Version.parse("4.1.0");

    /** The demo product at {@link #RELEASE}, with a few rows. */
    static void deployDemo(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(RELEASE));
        }
        db.execute("INSERT INTO data_center (uuid, name, description, created) VALUES"
                        + " ('dc-1', 'Zürich ☃ 𝄞', 'quote '' backslash \\\\ newline\\n tab\\t nul\\0 ctrl-z\\Z', '2024-02-29 10:11:12'),"
                        + " ('dc-2', 'Plain', NULL, '2024-03-01 00:00:00')",
                "INSERT INTO account (uuid, name, type, created) VALUES ('a-1', 'alice', 0, NOW()), ('a-2', 'bob', 1, NOW())",
                "INSERT INTO host (uuid, name, data_center_id, hypervisor_type, cpu_cores, ram_mb, created)"
                        + " VALUES ('h-1', 'host-1', 1, 'KVM', 16, 65536, NOW())",
                "INSERT INTO vm_instance (uuid, name, account_id, data_center_id, host_id, state, cpu, ram_mb, created)"
                        + " VALUES ('vm-1', 'web', 1, 1, 1, 'Running', 2, 4096, NOW())",
                "INSERT INTO event (type, description, account_id, created) SELECT 'VM.START', CONCAT('event ', seq), 1, NOW()"
                        + " FROM (SELECT 1 AS seq UNION ALL SELECT 2 UNION ALL SELECT 3) s");
    }

    /**
     * The demo product plus a table of values a dump easily gets wrong (FLOAT precision, zero dates,
     * negative times, YEAR, BIT, binary bytes, JSON, latin1, invisible and generated columns), a
     * trigger that would change rows if it fired during the restore, a function, an event, and a
     * view on a view whose name sorts first.
     */
    static void deployRich(TestDatabase db) throws SQLException {
        deployDemo(db);
        db.execute("CREATE TABLE odd_values (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, f FLOAT, d DOUBLE, dec1 DECIMAL(30,10),"
                        + " dt DATETIME(6), ts TIMESTAMP(3) NULL, z DATE, tm TIME(2), y YEAR, b BIT(7), bin VARBINARY(64),"
                        + " bl BLOB, j JSON, e ENUM('a','b'), s SET('x','y'), t TEXT, l1 VARCHAR(20) CHARACTER SET latin1,"
                        + " hidden INT INVISIBLE DEFAULT 7, g BIGINT AS (id * 2) VIRTUAL, gs VARCHAR(40) AS (CONCAT('x', id)) STORED)"
                        + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "SET SESSION sql_mode = ''",
                "SET SESSION time_zone = '+05:00'",
                "INSERT INTO odd_values (id, f, d, dec1, dt, ts, z, tm, y, b, bin, bl, j, e, s, t, l1, hidden) VALUES"
                        + " (1, 1.2345678, 0.1e0 + 0.2e0, 12345678901234567890.0123456789, '2024-02-29 10:11:12.123456',"
                        + " '2024-01-01 00:00:00.5', '0000-00-00', '-838:59:59', 2024, b'1010101', 0x00FF275C0A0D1A22,"
                        + " 0x89504E470D0A1A0A0000, '{\"a\": [1, 2.5, \"x\"]}', 'b', 'x,y', 'end;\\nof;; line $$ //', 'é', 42),"
                        + " (2, 3.4e38, 1e308, -0.0000000001, '1000-01-01 00:00:00', NULL, '2024-00-00', '00:00:00.01', 0, b'0',"
                        + " '', '', NULL, NULL, '', '', '', DEFAULT),"
                        + " (18446744073709551615, -1.17549435e-38, 4.9e-324, 0, NULL, '2038-01-19 03:14:07', '9999-12-31',"
                        + " '838:59:59', 1901, b'1111111', NULL, NULL, '[]', 'a', 'y', NULL, NULL, NULL)",
                "CREATE TRIGGER odd_values_mark BEFORE INSERT ON odd_values FOR EACH ROW"
                        + " BEGIN SET NEW.t = CONCAT(COALESCE(NEW.t, ''), ' (inserted; trigger fired)'); END",
                "CREATE FUNCTION add_one(x INT) RETURNS INT DETERMINISTIC BEGIN RETURN x + 1; END",
                "CREATE EVENT purge_nothing ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM event WHERE 1 = 0",
                "CREATE VIEW a_view_on_view AS SELECT id, name FROM vm_view");
    }

    /** Every base table of the database. */
    static List<String> tables(TestDatabase db) throws SQLException {
        return new ArrayList<>(db.rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1"));
    }

    /**
     * Per table, the server's own CHECKSUM TABLE: an independent second opinion on the content,
     * comparable between two tables of the same definition on the same server.
     */
    static List<String> serverChecksums(TestDatabase db) throws SQLException {
        List<String> sums = new ArrayList<>();
        for (String table : tables(db)) {
            if (!table.equals("dbcreator_lock")) {
                sums.add(table + " " + db.rows("CHECKSUM TABLE `" + table + "`").get(0).split(" \\| ")[1]);
            }
        }
        return sums;
    }
}
