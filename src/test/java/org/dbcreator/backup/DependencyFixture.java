package org.dbcreator.backup;

import java.sql.SQLException;
import org.dbcreator.testing.TestDatabase;

/**
 * Adds to {@link Fixtures#deployRich} what a dump must create in the right order and what it
 * must carry byte for byte: views that call functions, a function that reads a view, views on
 * those views (named to sort before what they read), a trigger that calls a procedure, tables in
 * utf8mb3, latin1 and utf8mb4, and the column types the rich fixture lacks (MariaDB's INET6 and
 * UUID among them: the throwaway servers are MariaDB).
 */
final class DependencyFixture {

    private DependencyFixture() {}

    static void add(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE account_log (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(255))",
                "CREATE PROCEDURE log_account(IN n VARCHAR(255)) MODIFIES SQL DATA INSERT INTO account_log (name) VALUES (n)",
                "CREATE TRIGGER account_logged AFTER INSERT ON account FOR EACH ROW CALL log_account(NEW.name)",
                "CREATE FUNCTION view_rows() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM a_view_on_view)",
                "CREATE VIEW a_calls_functions AS SELECT id, add_one(id) AS next_id, view_rows() AS seen FROM vm_instance",
                "CREATE VIEW a_a_view_on_views AS SELECT c.id, c.next_id, c.seen, v.name FROM a_calls_functions c"
                        + " JOIN a_view_on_view v ON v.id = c.id",
                "CREATE TABLE cs_utf8mb3 (id INT PRIMARY KEY, v VARCHAR(20)) DEFAULT CHARSET=utf8mb3",
                "CREATE TABLE cs_latin1 (id INT PRIMARY KEY, v VARCHAR(20)) DEFAULT CHARSET=latin1",
                "CREATE TABLE cs_utf8mb4 (id INT PRIMARY KEY, v VARCHAR(20)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
                "INSERT INTO cs_utf8mb3 VALUES (1, 'Zürich ß ñ €'), (2, 'a\\\\b''c\"d')",
                "INSERT INTO cs_latin1 VALUES (1, 'Zürich ß ñ'), (2, 'a\\\\b''c\"d')",
                "INSERT INTO cs_utf8mb4 VALUES (1, 'Zürich ☃ 𝄞 😀'), (2, 'a\\\\b''c\"d')",
                "CREATE TABLE more_types (id INT PRIMARY KEY, ti TINYINT, si SMALLINT UNSIGNED, mi MEDIUMINT, c CHAR(3),"
                        + " bn BINARY(4), tt TINYTEXT, mt MEDIUMTEXT, lt LONGTEXT, tb TINYBLOB, mb MEDIUMBLOB, lb LONGBLOB,"
                        + " pt POINT, ip INET6, u UUID, dt DATE, nv NATIONAL VARCHAR(10))",
                "INSERT INTO more_types VALUES (1, -128, 65535, -8388608, 'a ', 0x00010203, 'tiny', 'medium\\nline',"
                        + " REPEAT('long ', 1000), 0x00, 0x5C27, 0xFFFE, ST_GeomFromText('POINT(1.5 -2.25)'), '::1',"
                        + " '123e4567-e89b-12d3-a456-426614174000', '2024-02-29', 'ñ'),"
                        + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    }
}
