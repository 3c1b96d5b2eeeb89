package org.dbcreator.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules statement by statement, on the fixtures' baseline (host, account, and event, which is
 * declared large). Expected: the rules found, in any order; "-" for none.
 */
class ExpandLintTest {

    @TempDir
    Path temp;

    private List<Rule> expandFindings(String sql) throws IOException {
        return rules(CatalogLint.check(LintFixtures.withStep(temp, sql, "")));
    }

    private List<Rule> cleanupFindings(String sql) throws IOException {
        return rules(CatalogLint.check(LintFixtures.withStep(temp, "", sql)));
    }

    private static List<Rule> rules(LintReport report) {
        return report.findings().stream().map(Finding::rule).toList();
    }

    private static Rule[] expected(String rules) {
        return rules.equals("-") ? new Rule[0] : Arrays.stream(rules.split(" ")).map(Rule::valueOf).toArray(Rule[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // dropping and renaming
        "ALTER TABLE host DROP note                                          | DROP_COLUMN",
        "ALTER TABLE host DROP COLUMN IF EXISTS note                         | DROP_COLUMN MARIADB_ONLY_SYNTAX",
        "ALTER TABLE host DROP `key`                                         | DROP_COLUMN",
        "ALTER TABLE host DROP KEY ix_host_name                              | DROP_INDEX",
        "ALTER TABLE host DROP PRIMARY KEY                                   | DROP_INDEX",
        "ALTER TABLE host DROP FOREIGN KEY fk_host_account                   | -",
        "ALTER TABLE host CHANGE COLUMN note remark VARCHAR(32) NULL         | RENAME_COLUMN",
        // other databases: refused at load, reported by the lint, never taken for the product's tables
        "USE other                                                           | USE_DATABASE",
        "USE fixture                                                         | -",
        "CREATE DATABASE other                                               | DATABASE_DDL",
        "ALTER TABLE other.host DROP COLUMN note                             | OTHER_DATABASE",
        "ALTER TABLE `fixture`.`host` DROP COLUMN note                       | DROP_COLUMN",
        "ALTER TABLE other.event ADD COLUMN x INT NULL                       | OTHER_DATABASE",
        "CREATE TABLE other.host (id INT); ALTER TABLE host DROP COLUMN note | OTHER_DATABASE DROP_COLUMN",
        "CREATE TABLE other.scratch (id INT); DROP TABLE scratch             | OTHER_DATABASE DROP_TABLE",
        "INSERT INTO host (name, cpu_cores) SELECT name, 1 FROM other.host    | OTHER_DATABASE",
        "ALTER TABLE host RENAME TO server                                   | RENAME_TABLE",
        "ALTER TABLE host RENAME INDEX ix_host_name TO ix_host_by_name       | -",
        "RENAME TABLE account TO tenant, host TO server                      | RENAME_TABLE RENAME_TABLE",
        "DROP TABLE IF EXISTS `fixture`.`host`                               | DROP_TABLE",
        "DROP TABLE IF EXISTS `db`.`host`                                    | OTHER_DATABASE",
        "DROP TEMPORARY TABLE IF EXISTS scratch                              | -",
        "CREATE TABLE scratch (id INT); DROP TABLE scratch                   | -",
        "CREATE TABLE scratch (id INT); RENAME TABLE scratch TO scratch2     | -",
        "CREATE OR REPLACE TABLE host (id INT)                               | DROP_TABLE MARIADB_ONLY_SYNTAX",
        "CREATE TABLE IF NOT EXISTS host (id INT)                            | -",
        // types and NULL
        "ALTER TABLE host CHANGE note note VARCHAR(32) NULL                  | -",
        "ALTER TABLE host MODIFY note VARCHAR(48) NULL                       | -",
        "ALTER TABLE host MODIFY note VARCHAR(200) NULL                      | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host MODIFY name VARCHAR(64) NOT NULL                   | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host MODIFY cpu_cores BIGINT UNSIGNED NOT NULL          | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host MODIFY cpu_cores INTEGER(10) UNSIGNED NOT NULL     | -",
        "ALTER TABLE host MODIFY cpu_cores INT NOT NULL                      | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host MODIFY note VARCHAR(32) CHARACTER SET latin1 NULL  | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host MODIFY account_id BIGINT UNSIGNED NOT NULL         | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host MODIFY status VARCHAR(32) NOT NULL                 | NOT_NULL_WITHOUT_DEFAULT",
        "ALTER TABLE host MODIFY status VARCHAR(32) NULL DEFAULT 'Up'        | -",
        "ALTER TABLE host ALTER COLUMN status DROP DEFAULT                   | NOT_NULL_WITHOUT_DEFAULT",
        "ALTER TABLE host ALTER COLUMN status SET DEFAULT 'Down'             | -",
        "ALTER TABLE host MODIFY missing INT NULL                            | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host CONVERT TO CHARACTER SET latin1                    | COLUMN_TYPE_CHANGE",
        "ALTER TABLE host ADD COLUMN kind ENUM('a','b') NULL; ALTER TABLE host MODIFY kind ENUM('a','b','c') NULL | -",
        "ALTER TABLE host ADD COLUMN zone INT NOT NULL DEFAULT 0             | -",
        "ALTER TABLE host ADD zone INT NOT NULL                              | NOT_NULL_WITHOUT_DEFAULT",
        "ALTER TABLE host ADD COLUMN (zone INT NULL, rack INT NOT NULL)      | NOT_NULL_WITHOUT_DEFAULT",
        "ALTER TABLE host ADD COLUMN cores2 INT AS (cpu_cores * 2) STORED NOT NULL | -",
        "ALTER TABLE host ADD COLUMN zone INT NOT NULL DEFAULT 0; ALTER TABLE host MODIFY zone BIGINT NOT NULL | -",
        // constraints
        "ALTER TABLE host ADD FOREIGN KEY (account_id) REFERENCES account (id) | ADD_FOREIGN_KEY",
        "ALTER TABLE host ADD COLUMN owner_id BIGINT UNSIGNED NULL; ALTER TABLE host ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES account (id) | -",
        "ALTER TABLE host ADD COLUMN owner_id BIGINT UNSIGNED NULL, ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES account (id) | -",
        "ALTER TABLE host ADD COLUMN owner_id BIGINT UNSIGNED DEFAULT NULL, ADD FOREIGN KEY fk (owner_id) REFERENCES account (id) | -",
        "ALTER TABLE host ADD COLUMN owner_id BIGINT UNSIGNED NOT NULL DEFAULT 1, ADD FOREIGN KEY (owner_id) REFERENCES account (id) | ADD_FOREIGN_KEY",
        "ALTER TABLE host ADD COLUMN owner_id BIGINT UNSIGNED NULL DEFAULT 1, ADD FOREIGN KEY (owner_id) REFERENCES account (id) | ADD_FOREIGN_KEY",
        "ALTER TABLE host ADD COLUMN owner_id BIGINT UNSIGNED NULL; ALTER TABLE host ADD FOREIGN KEY (account_id) REFERENCES account (id) | ADD_FOREIGN_KEY",
        "ALTER TABLE account ADD COLUMN host_id BIGINT UNSIGNED NULL; ALTER TABLE host ADD FOREIGN KEY (host_id) REFERENCES account (id) | ADD_FOREIGN_KEY",
        "ALTER TABLE host ADD UNIQUE (name)                                  | ADD_UNIQUE_KEY",
        "ALTER TABLE host ADD CONSTRAINT uk UNIQUE KEY (name, note)          | ADD_UNIQUE_KEY",
        "ALTER TABLE host MODIFY note VARCHAR(32) NULL UNIQUE                | ADD_UNIQUE_KEY",
        "CREATE UNIQUE INDEX uk_host_name ON host (name)                     | ADD_UNIQUE_KEY",
        "ALTER TABLE host ADD COLUMN uuid CHAR(36) NULL, ADD UNIQUE KEY uk_host_uuid (uuid) | -",
        // a unique key on a superset of a stricter one's columns refuses nothing older nodes could write
        "ALTER TABLE host ADD UNIQUE (id, name)                              | -",
        "CREATE UNIQUE INDEX uk ON host (name, id)                           | -",
        "ALTER TABLE host ADD UNIQUE (name(10), id)                          | -",
        "CREATE TABLE t (a INT, b INT, c INT, UNIQUE KEY uk_a (a)); ALTER TABLE t ADD UNIQUE uk_ab (a, b) | -",
        "ALTER TABLE account ADD UNIQUE uk_name (name); ALTER TABLE account ADD UNIQUE uk_name_id (id, name) | ADD_UNIQUE_KEY",
        "ALTER TABLE account ADD UNIQUE uk_name (name); ALTER TABLE account ADD UNIQUE uk_more (name, id) | ADD_UNIQUE_KEY",
        "ALTER TABLE host ADD UNIQUE uk_n (name); ALTER TABLE host ADD UNIQUE uk_nn (name, note) | ADD_UNIQUE_KEY",
        "ALTER TABLE host ADD UNIQUE (name, note)                            | ADD_UNIQUE_KEY",
        "ALTER TABLE host ADD UNIQUE ((LOWER(name)), id)                     | ADD_UNIQUE_KEY",
        "ALTER TABLE host ADD CHECK (cpu_cores > 0)                          | ADD_CHECK_CONSTRAINT",
        "CREATE TABLE tag (id INT, host_id BIGINT UNSIGNED, FOREIGN KEY (host_id) REFERENCES host (id)) | -",
        // emptying tables
        "TRUNCATE host                                                       | TRUNCATE_TABLE",
        "DELETE FROM host WHERE status = 'Down'                              | -",
        "DELETE LOW_PRIORITY FROM host ORDER BY id LIMIT 10                  | DELETE_WITHOUT_WHERE",
        "DELETE h FROM host h JOIN account a ON a.id = h.account_id          | -",
        "CREATE TABLE scratch (id INT); DELETE FROM scratch                  | -",
        "UPDATE host SET note = NULL                                         | -",
        // large tables
        "ALTER TABLE event ADD COLUMN x INT NULL                             | LARGE_TABLE_WITHOUT_ALGORITHM",
        "ALTER TABLE event ADD COLUMN x INT NULL, ALGORITHM=INSTANT          | -",
        "ALTER TABLE event ADD COLUMN x INT NULL, ALGORITHM = INSTANT, LOCK = NONE | MARIADB_ONLY_SYNTAX",
        "ALTER TABLE event ADD INDEX ix (type), ALGORITHM=INPLACE            | LARGE_TABLE_WITHOUT_ALGORITHM",
        "ALTER TABLE event ADD INDEX ix (type), ALGORITHM=INPLACE, LOCK=NONE | -",
        "ALTER TABLE event ADD INDEX ix (type), ALGORITHM=COPY               | LARGE_TABLE_WITHOUT_ALGORITHM",
        "ALTER TABLE event ADD INDEX ix (type), LOCK=SHARED, ALGORITHM=INPLACE | LARGE_TABLE_WITHOUT_ALGORITHM",
        "ALTER TABLE Event ENGINE=InnoDB, ALGORITHM=INPLACE, LOCK=EXCLUSIVE  | LARGE_TABLE_WITHOUT_ALGORITHM",
        "ALTER TABLE event ADD COLUMN `lock` INT NULL, ALGORITHM=INSTANT     | -",
        "CREATE INDEX ix ON event (type)                                     | LARGE_TABLE_WITHOUT_ALGORITHM",
        "CREATE INDEX ix ON event (type) LOCK=NONE ALGORITHM=INPLACE         | -",
        "DROP INDEX ix_event_created ON event                                | LARGE_TABLE_WITHOUT_ALGORITHM DROP_INDEX",
        "CREATE TABLE event_archive LIKE event; ALTER TABLE event_archive ADD COLUMN x INT NULL | -",
        // MariaDB-only syntax
        "ALTER TABLE host ADD COLUMN IF NOT EXISTS x INT NULL                | MARIADB_ONLY_SYNTAX",
        "ALTER TABLE IF EXISTS host ADD COLUMN x INT NULL                    | MARIADB_ONLY_SYNTAX",
        "ALTER TABLE host ADD COLUMN x INT NULL, ALGORITHM=NOCOPY            | MARIADB_ONLY_SYNTAX",
        "INSERT INTO account (name) SELECT CONCAT('a', seq) FROM seq_1_to_10 | MARIADB_ONLY_SYNTAX",
        "DELETE FROM host WHERE id = 1 RETURNING id                          | MARIADB_ONLY_SYNTAX",
        "/*M!100500 ALTER TABLE host ADD COLUMN x INT NULL */                | MARIADB_ONLY_SYNTAX",
        "ALTER TABLE host ADD COLUMN ip INET6 NULL                           | MARIADB_ONLY_SYNTAX",
        "ALTER TABLE host ADD COLUMN uuid CHAR(36) NOT NULL DEFAULT UUID()   | MARIADB_ONLY_SYNTAX",
        "ALTER TABLE host ADD COLUMN uuid CHAR(36) NOT NULL DEFAULT (UUID()) | -",
        "ALTER TABLE host ADD COLUMN seen DATETIME(3) NULL DEFAULT CURRENT_TIMESTAMP(3) | -",
        "ALTER TABLE host WAIT 5 ADD COLUMN x INT NULL                       | MARIADB_ONLY_SYNTAX",
        "CREATE INDEX IF NOT EXISTS ix ON host (note)                        | MARIADB_ONLY_SYNTAX",
        "DROP INDEX IF EXISTS ix_host_name ON host                           | DROP_INDEX MARIADB_ONLY_SYNTAX",
        "CREATE SEQUENCE s                                                   | MARIADB_ONLY_SYNTAX",
        "CREATE OR REPLACE VIEW v AS SELECT 1                                | -",
        "CREATE OR REPLACE PROCEDURE p() SELECT 1                            | MARIADB_ONLY_SYNTAX",
        "SET STATEMENT max_statement_time=60 FOR UPDATE host SET note = NULL | MARIADB_ONLY_SYNTAX",
        "ALTER ONLINE TABLE host ADD COLUMN x INT NULL                       | MARIADB_ONLY_SYNTAX",
        "CREATE TABLE t (id INT) ENGINE=Aria                                 | MARIADB_ONLY_SYNTAX",
        "SELECT id FROM host WHERE id = 1 FOR UPDATE NOWAIT                  | -",
        "CREATE OR REPLACE DEFINER=CURRENT_USER() VIEW v AS SELECT 1         | -",
        "INSERT INTO event (type, description, account_id, created) SELECT online, name, id, NOW() FROM account | -",
    })
    void expandStatementShouldYieldItsRules(String sql, String rules) throws IOException {
        assertThat(expandFindings(sql + ";\n")).containsExactlyInAnyOrder(expected(rules));
    }

    /** Comments and strings are never code; an executable version comment is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "-- DROP TABLE host\\nSELECT 1                                   | -",
        "# DELETE FROM host\\nSELECT 1                                   | -",
        "/* ALTER TABLE host DROP COLUMN note */ SELECT 1                | -",
        "INSERT INTO account (name) VALUES ('DROP TABLE host; TRUNCATE host') | -",
        "INSERT INTO account (name) VALUES ('x /*M!100000 y */ seq_1_to_3')   | -",
        "SELECT \"ALTER TABLE event ADD COLUMN x INT\"                    | -",
        "/*!50000 DROP TABLE host */                                     | DROP_TABLE",
    })
    void commentsAndStringsShouldNeverTriggerARule(String sql, String rules) throws IOException {
        assertThat(expandFindings(sql.replace("\\n", "\n") + ";\n")).containsExactlyInAnyOrder(expected(rules));
    }

    /** Dropping and tightening is what a cleanup is for; copying a large table and portability still count. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE host DROP COLUMN note                               | -",
        "DROP TABLE host                                                 | -",
        "ALTER TABLE host MODIFY account_id BIGINT UNSIGNED NOT NULL     | -",
        "ALTER TABLE host ADD UNIQUE KEY uk_host_name (name)             | -",
        "ALTER TABLE event DROP COLUMN description                       | LARGE_TABLE_WITHOUT_ALGORITHM",
        "ALTER TABLE event DROP COLUMN description, ALGORITHM=INPLACE, LOCK=NONE | -",
        "ALTER TABLE host ADD COLUMN IF NOT EXISTS x INT NULL            | MARIADB_ONLY_SYNTAX",
    })
    void cleanupShouldOnlyBeCheckedForCopiesAndPortability(String sql, String rules) throws IOException {
        assertThat(cleanupFindings(sql + ";\n")).containsExactlyInAnyOrder(expected(rules));
    }

    @Test
    void findingShouldPointAtTheClauseLineOfAMultiLineStatement() throws IOException {
        String expand = "-- two clauses, the second one unsafe\nALTER TABLE host\n  ADD COLUMN zone INT NULL,\n"
                + "  DROP COLUMN note,\n  ALGORITHM=INPLACE, LOCK=NONE;\n";

        LintReport report = CatalogLint.check(LintFixtures.withStep(temp, expand, ""));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.text()).isEqualTo("1.1.0/expand.sql:4: DROP_COLUMN error: drops column host.note, which nodes"
                    + " of older releases still read and write (Drop it in the cleanup script.)");
        });
    }

    @Test
    void typeChangeShouldNameBothTypes() throws IOException {
        LintReport report = CatalogLint.check(LintFixtures.withStep(temp,
                "ALTER TABLE host MODIFY note VARCHAR(200) NULL, ALGORITHM=INPLACE, LOCK=NONE;\n", ""));

        assertThat(report.findings()).singleElement().extracting(Finding::message).asString()
                .contains("host.note from VARCHAR(32) to VARCHAR(200)", "past 255 bytes");
    }

    /** A later step is judged against the schema the earlier steps left, cleanups included. */
    @Test
    void laterStepShouldSeeTheColumnsOfEarlierSteps() throws IOException {
        LintFixtures.withStep(temp, "ALTER TABLE host ADD COLUMN zone VARCHAR(16) NULL, ALGORITHM=INSTANT;\n",
                "ALTER TABLE host MODIFY zone VARCHAR(16) NOT NULL DEFAULT 'z1';\n");
        Catalog catalog = LintFixtures.withNextStep(temp, "ALTER TABLE host MODIFY zone VARCHAR(24) NOT NULL DEFAULT 'z1';\n"
                + "ALTER TABLE host MODIFY zone CHAR(24) NOT NULL DEFAULT 'z1';\n", "");

        LintReport report = CatalogLint.check(catalog);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.script() + ":" + f.line() + " " + f.rule()).isEqualTo("1.2.0/expand.sql:2 COLUMN_TYPE_CHANGE");
            assertThat(f.message()).contains("from VARCHAR(24) to CHAR(24)");
        });
    }

    /** Linting for an upgrade to 1.1.0 reads nothing of the steps after it, not even a broken script. */
    @Test
    void lintUpToAReleaseShouldNotReadLaterSteps() throws IOException {
        LintFixtures.withStep(temp, "ALTER TABLE host DROP COLUMN note;\n", "");
        Catalog catalog = LintFixtures.withNextStep(temp, "SELECT 'never closed;\n", "");

        LintReport report = CatalogLint.check(catalog, Version.parse("1.1.0"));

        assertThat(report.findings()).extracting(Finding::rule).containsExactly(Rule.DROP_COLUMN);
        assertThat(report.scripts()).isEqualTo(3);
    }

    /** Dropping the stricter key in the same ALTER swaps the keys with no write in between; a separate DROP leaves a gap. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE host DROP INDEX uk_host_name, ADD UNIQUE uk_host_name_note (name, note)  | DROP_INDEX",
        "ALTER TABLE host ADD UNIQUE uk_host_name_note (note, name), DROP KEY uk_host_name    | DROP_INDEX",
        "ALTER TABLE host DROP INDEX uk_host_name; ALTER TABLE host ADD UNIQUE uk2 (name, note) | DROP_INDEX ADD_UNIQUE_KEY",
        "DROP INDEX uk_host_name ON host; CREATE UNIQUE INDEX uk2 ON host (name, note)        | DROP_INDEX ADD_UNIQUE_KEY",
        "ALTER TABLE host DROP INDEX uk_host_name, ADD UNIQUE uk_host_note (note)            | DROP_INDEX ADD_UNIQUE_KEY",
        "ALTER TABLE host DROP COLUMN note, ADD UNIQUE uk_host_name_id (name, id)            | DROP_COLUMN",
    })
    void uniqueKeyReplacingAStricterOneShouldBeJudgedByWhenTheOldOneHeld(String sql, String rules) throws IOException {
        LintFixtures.withStep(temp, "", "ALTER TABLE host ADD UNIQUE KEY uk_host_name (name);\n");
        Catalog catalog = LintFixtures.withNextStep(temp, sql + ";\n", "");

        assertThat(rules(CatalogLint.check(catalog))).containsExactlyInAnyOrder(expected(rules));
    }
}
