package org.dbcreator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statements that would take the session's transactions from the tool are told apart from their look-alikes. */
class TransactionControlTest {

    private static SqlStatement statement(String sql) {
        return StatementSplitter.split(sql, "t.sql").get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START TRANSACTION;", "begin;", "BEGIN WORK;", "COMMIT;", "commit work;", "ROLLBACK;",
        "SAVEPOINT s1;", "RELEASE SAVEPOINT s1;", "LOCK TABLES `host` WRITE;", "LOCK TABLE host READ;",
        "UNLOCK TABLES;", "SET autocommit = 0;", "SET @@autocommit=1;", "SET SESSION autocommit = 1;",
        "SET NAMES utf8mb4, autocommit = 0;", "/*!40000 SET autocommit=0 */;", "XA START 'x';"})
    void statementThatTakesOverTheTransactionsShouldBeFound(String sql) {
        assertThat(TransactionControl.of(statement(sql))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET NAMES utf8mb4;", "SET @autocommit_was = 1;", "SET foreign_key_checks = 0;",
        "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;", "INSERT INTO log (msg) VALUES ('COMMIT;');",
        "UPDATE t SET committed = 1;", "DELIMITER //\nCREATE PROCEDURE p() BEGIN START TRANSACTION; COMMIT; END //",
        "-- COMMIT\nSELECT 1;", "/*!40000 ALTER TABLE `host` DISABLE KEYS */;"})
    void lookAlikeShouldNotBeFound(String sql) {
        assertThat(TransactionControl.of(statement(sql))).isEmpty();
    }

    @Test
    void catalogWithADumpsLocksShouldBeRefusedAtLoadNamingEveryPlace() {
        MapScriptSource source = new MapScriptSource()
                .with("manifest.yaml", "product: dumped\nbaseline: { version: 1.0.0, schema: 1.0.0/create-schema.sql }\n")
                .with("1.0.0/create-schema.sql", """
                        CREATE TABLE host (id int PRIMARY KEY);
                        LOCK TABLES `host` WRITE;
                        INSERT INTO host VALUES (1);
                        UNLOCK TABLES;
                        """);
        assertThatThrownBy(() -> Catalog.load(source)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_INVALID))
                .hasMessageContaining("1.0.0/create-schema.sql:2: LOCK TABLES host")
                .hasMessageContaining("1.0.0/create-schema.sql:4: UNLOCK TABLES");
    }
}
