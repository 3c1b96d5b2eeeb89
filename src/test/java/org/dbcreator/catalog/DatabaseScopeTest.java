package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which statements leave the product's database {@code cloud}; expected kinds in order, "-" for none. */
class DatabaseScopeTest {

    private static final DatabaseScope SCOPE = new DatabaseScope("cloud");

    private static List<ScopeFinding.Kind> kinds(String sql) {
        return SCOPE.check(new SqlStatement(sql.replace("\\n", "\n"), 1)).stream().map(ScopeFinding::kind).toList();
    }

    private static ScopeFinding.Kind[] expected(String kinds) {
        return kinds.equals("-") ? new ScopeFinding.Kind[0]
                : Arrays.stream(kinds.split(" ")).map(ScopeFinding.Kind::valueOf).toArray(ScopeFinding.Kind[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // USE
        "USE other                                                       | USE_DATABASE",
        "use `other`                                                     | USE_DATABASE",
        "USE cloud                                                       | -",
        "USE `cloud`                                                     | -",
        "USE Cloud                                                       | USE_DATABASE",
        "USE cloud\\nCREATE TABLE t (id INT)                             | USE_DATABASE",
        "/*!40000 USE other */                                           | USE_DATABASE",
        // whole databases
        "DROP DATABASE other                                             | DATABASE_DDL",
        "drop schema if exists `cloud`                                   | DATABASE_DDL",
        "CREATE DATABASE IF NOT EXISTS x CHARACTER SET utf8mb4           | DATABASE_DDL",
        "CREATE OR REPLACE DATABASE x                                    | DATABASE_DDL",
        "ALTER DATABASE CHARACTER SET utf8mb4                            | DATABASE_DDL",
        "/*!32312 CREATE DATABASE x */                                   | DATABASE_DDL",
        "CREATE PROCEDURE p() BEGIN DROP DATABASE x; END                 | DATABASE_DDL",
        "SELECT DATABASE()                                               | -",
        "ALTER TABLE t DROP `database`                                   | -",
        // names of another database, by position
        "SELECT * FROM other.t                                           | OTHER_DATABASE",
        "SELECT * FROM `other`.`t`                                       | OTHER_DATABASE",
        "SELECT * FROM `other` . `t`                                     | OTHER_DATABASE",
        "select * from Other.T                                           | OTHER_DATABASE",
        "SELECT * FROM t JOIN other.u ON u.id = t.id                     | OTHER_DATABASE",
        "SELECT * FROM t a, other.u b                                    | OTHER_DATABASE",
        "SELECT * FROM t AS a, (SELECT 1) d, other.u                     | OTHER_DATABASE",
        "INSERT INTO other.t (a) VALUES (1)                              | OTHER_DATABASE",
        "INSERT IGNORE INTO other.t SELECT * FROM t                      | OTHER_DATABASE",
        "UPDATE other.t SET a = 1                                        | OTHER_DATABASE",
        "UPDATE LOW_PRIORITY other.t SET a = 1                           | OTHER_DATABASE",
        "DELETE FROM other.t WHERE id = 1                                | OTHER_DATABASE",
        "DELETE a, other.b FROM a JOIN b ON a.id = b.id                  | OTHER_DATABASE",
        "TRUNCATE other.t                                                | OTHER_DATABASE",
        "TRUNCATE TABLE other.t                                          | OTHER_DATABASE",
        "DROP TABLE IF EXISTS t, other.u                                 | OTHER_DATABASE",
        "DROP TABLE a, b, other.c                                        | OTHER_DATABASE",
        "ALTER TABLE other.t DROP COLUMN c                               | OTHER_DATABASE",
        "CREATE TABLE other.t (id INT)                                   | OTHER_DATABASE",
        "CREATE TABLE t LIKE other.u                                     | OTHER_DATABASE",
        "CREATE TABLE t (LIKE other.u)                                   | OTHER_DATABASE",
        "CREATE TABLE t (p_id INT, FOREIGN KEY (p_id) REFERENCES other.p (id)) | OTHER_DATABASE",
        "CREATE VIEW other.v AS SELECT 1                                 | OTHER_DATABASE",
        "CREATE ALGORITHM=MERGE VIEW v AS SELECT * FROM other.t          | OTHER_DATABASE",
        "CREATE INDEX ix ON other.t (a)                                  | OTHER_DATABASE",
        "DROP INDEX ix ON other.t                                        | OTHER_DATABASE",
        "CREATE TRIGGER tr BEFORE INSERT ON other.t FOR EACH ROW SET NEW.a = 1 | OTHER_DATABASE",
        "CREATE TRIGGER other.tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 | OTHER_DATABASE",
        "CREATE PROCEDURE other.p() SELECT 1                             | OTHER_DATABASE",
        "DROP FUNCTION IF EXISTS other.f                                 | OTHER_DATABASE",
        "CREATE EVENT other.e ON SCHEDULE EVERY 1 DAY DO SELECT 1        | OTHER_DATABASE",
        "CALL other.p()                                                  | OTHER_DATABASE",
        "CALL other.p                                                    | OTHER_DATABASE",
        "SELECT other.f(1)                                               | OTHER_DATABASE",
        "SELECT other.t.col FROM t                                       | OTHER_DATABASE",
        "RENAME TABLE t TO other.t                                       | OTHER_DATABASE",
        "RENAME TABLE a TO b, other.c TO d                               | OTHER_DATABASE",
        "ALTER TABLE t RENAME TO other.t                                 | OTHER_DATABASE",
        "ALTER TABLE t RENAME AS other.t                                 | OTHER_DATABASE",
        "LOCK TABLES t READ, other.u WRITE                               | OTHER_DATABASE",
        "CREATE PROCEDURE p() BEGIN INSERT INTO other.log VALUES (1); END | OTHER_DATABASE",
        "CREATE TRIGGER tr AFTER UPDATE ON t FOR EACH ROW BEGIN UPDATE other.u SET a = NEW.a; END | OTHER_DATABASE",
        "/*!50001 CREATE VIEW v AS SELECT * FROM other.t */             | OTHER_DATABASE",
        "SELECT * FROM other.t, other.u                                  | OTHER_DATABASE OTHER_DATABASE",
        // table.column and other dotted things that are no database
        "SELECT t.a, u.b FROM t JOIN u ON t.id = u.id WHERE t.x > 1.5    | -",
        "UPDATE t JOIN u ON t.id = u.id SET t.a = u.b                    | -",
        "INSERT INTO t (a) SELECT u.a FROM u ON DUPLICATE KEY UPDATE a = u.a | -",
        "SELECT EXTRACT(YEAR FROM t.created) FROM t                      | -",
        "SELECT TRIM(LEADING 'x' FROM t.name) FROM t                     | -",
        "SELECT * FROM t WHERE id IN (SELECT u.id FROM u)                | -",
        "CREATE TABLE t (p_id INT, FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE) | -",
        "CREATE DEFINER=root@127.0.0.1 VIEW v AS SELECT 1                | -",
        "SET @a.b = 1                                                    | -",
        "SELECT @@session.sql_mode                                       | -",
        "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 | -",
        "CREATE VIEW v AS SELECT h.id FROM host h JOIN account a ON a.id = h.account_id | -",
        "SELECT 1.5e3, .5, 2.                                            | -",
        // information_schema is read only
        "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() | -",
        "SELECT * FROM INFORMATION_SCHEMA.TABLES t JOIN information_schema.COLUMNS c ON c.TABLE_NAME = t.TABLE_NAME | -",
        // the product's own name
        "SELECT * FROM cloud.host                                        | OWN_DATABASE_NAME",
        "ALTER TABLE `cloud`.`host` ADD COLUMN x INT NULL                | OWN_DATABASE_NAME",
        "SELECT cloud.host.id FROM host                                  | OWN_DATABASE_NAME",
        "SELECT cloud.id FROM cloud                                      | -",
        // comments and strings never count
        "SELECT 'USE other; DROP DATABASE x; SELECT * FROM other.t'     | -",
        "SELECT \"other.t\" FROM t                                       | -",
        "-- USE other\\nSELECT 1                                         | -",
        "# FROM other.t\\nSELECT 1                                       | -",
        "/* DROP DATABASE x; FROM other.t */ SELECT 1                    | -",
        "SELECT * FROM t WHERE note = 'FROM other.t'                     | -",
    })
    void statementShouldBeJudged(String sql, String kinds) {
        assertThat(kinds(sql.trim())).containsExactly(expected(kinds.trim()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "USE cloud        | true",
        "use `cloud`      | true",
        "USE other        | false",
        "USE cloud x      | false",
        "SELECT 1         | false",
        "-- USE cloud\\nSELECT 1 | false",
    })
    void useOfTheOwnDatabaseShouldBeRecognised(String sql, boolean own) {
        assertThat(SCOPE.isUseOfOwnDatabase(new SqlStatement(sql.replace("\\n", "\n"), 1))).isEqualTo(own);
    }

    @org.junit.jupiter.api.Test
    void findingShouldNameTheScriptLineOfTheName() {
        List<ScopeFinding> found = SCOPE.check(new SqlStatement("SELECT a\n  FROM t\n  JOIN other.u ON 1", 7));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(9);
            assertThat(f.what()).contains("other.u", "database other", "cloud");
        });
    }
}
