package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dbcreator.catalog.SqlStatement;
import org.dbcreator.catalog.SqlTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredPrivilegesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE t (id INT)                                          | CREATE",
        "CREATE TABLE c (p INT, FOREIGN KEY (p) REFERENCES t (id))        | CREATE, REFERENCES",
        "CREATE OR REPLACE ALGORITHM=MERGE VIEW v AS SELECT 1             | CREATE VIEW",
        "CREATE DEFINER=`a`@`%` PROCEDURE p() BEGIN SELECT 1; END         | CREATE ROUTINE",
        "/*!50003 CREATE*/ /*!50003 TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET @x = 1 */ | TRIGGER",
        "CREATE UNIQUE INDEX ix ON t (a)                                  | INDEX",
        "ALTER TABLE t ADD COLUMN a INT, ALGORITHM=INSTANT                | ALTER, CREATE, INSERT",
        "DROP PROCEDURE IF EXISTS p                                       | ALTER ROUTINE",
        "DROP TABLE t                                                     | DROP",
        "UPDATE t SET a = 1 WHERE a IS NULL                               | SELECT, UPDATE",
        "INSERT INTO t VALUES (1)                                         | INSERT",
        "SET NAMES utf8mb4                                                | ''",
    })
    void statementsShouldNeedThePrivilegesTheirVerbsNeed(String sql, String expected) {
        List<String> privileges = expected.isBlank() ? List.of() : List.of(expected.split(",\\s*"));
        assertThat(RequiredPrivileges.of(List.of(new SqlStatement(sql, 1)))).containsExactlyInAnyOrderElementsOf(privileges);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO t VALUES (1)      | DATA",
        "update t set a = 1            | DATA",
        "/*!40101 SET NAMES utf8 */    | SESSION",
        "CREATE TABLE t (a INT)        | SCHEMA",
        "SET PASSWORD = 'x'            | SCHEMA",
        "CALL p()                      | SCHEMA",
    })
    void statementsShouldBeJournaledByTheirKind(String sql, StatementKind expected) {
        assertThat(StatementKind.of(SqlTokens.of(sql))).isEqualTo(expected);
    }
}
