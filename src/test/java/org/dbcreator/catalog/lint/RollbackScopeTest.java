package org.dbcreator.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dbcreator.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ROLLBACK_OUTSIDE_EXPAND: a rollback undoes what its expand created or changed, and nothing the
 * older nodes still use. The expand of every case adds host.label, an index on it, a table
 * {@code tag}, a view, a trigger and a procedure; each rollback statement is judged against that.
 * Expected: how many ROLLBACK_OUTSIDE_EXPAND findings.
 */
class RollbackScopeTest {

    private static final String EXPAND = """
            ALTER TABLE host ADD COLUMN label VARCHAR(64) NULL, ALGORITHM=INSTANT;
            CREATE INDEX ix_host_label ON host (label) ALGORITHM=INPLACE LOCK=NONE;
            ALTER TABLE account ADD INDEX ix_account_name2 (name), ALGORITHM=INPLACE, LOCK=NONE;
            CREATE TABLE tag (id INT NOT NULL PRIMARY KEY, host_id BIGINT NULL);
            CREATE SQL SECURITY INVOKER VIEW host_view AS SELECT id, label FROM host;
            CREATE TRIGGER host_label_default BEFORE INSERT ON host FOR EACH ROW SET NEW.label = NEW.label;
            """;

    @TempDir
    Path temp;

    private List<Finding> findings(String rollback) throws IOException {
        Catalog catalog = LintFixtures.withStep(temp, EXPAND, "");
        Path manifest = temp.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("cleanup: 1.1.0/cleanup.sql }",
                "cleanup: 1.1.0/cleanup.sql, rollback: 1.1.0/rollback.sql }"));
        Files.writeString(temp.resolve("1.1.0/rollback.sql"), rollback);
        catalog = Catalog.fromDirectoryForLint(temp);
        return CatalogLint.check(catalog).findings().stream()
                .filter(f -> f.rule() == Rule.ROLLBACK_OUTSIDE_EXPAND).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // what the expand made: undone freely
        "ALTER TABLE host DROP COLUMN label, ALGORITHM=INPLACE, LOCK=NONE                        | 0",
        "ALTER TABLE `host` DROP `label`                                                         | 0",
        "ALTER TABLE HOST DROP INDEX IX_HOST_LABEL, DROP COLUMN Label                            | 0",
        "DROP INDEX ix_host_label ON host                                                        | 0",
        "ALTER TABLE account DROP KEY ix_account_name2                                           | 0",
        "DROP TABLE tag                                                                          | 0",
        "DROP TABLE IF EXISTS `tag`                                                              | 0",
        "DROP VIEW host_view                                                                     | 0",
        "DROP TRIGGER IF EXISTS host_label_default                                               | 0",
        "UPDATE host SET label = NULL WHERE label = ''                                           | 0",
        "DELETE FROM tag WHERE id > 0                                                            | 0",
        "ALTER TABLE tag DROP COLUMN host_id                                                     | 0",
        // what older nodes still use: never
        "ALTER TABLE host DROP COLUMN note                                                       | 1",
        "ALTER TABLE host DROP COLUMN label, DROP COLUMN note                                    | 1",
        "ALTER TABLE host DROP `note`, DROP name                                                 | 2",
        "ALTER TABLE host MODIFY COLUMN note VARCHAR(8) NULL                                     | 1",
        "ALTER TABLE host CHANGE note remark VARCHAR(32) NULL                                    | 1",
        "ALTER TABLE account DROP INDEX ix_account_name                                          | 1",
        "ALTER TABLE account DROP COLUMN label                                                   | 1",
        "DROP TABLE host                                                                         | 1",
        "DROP TABLE tag, account                                                                 | 1",
        "DROP TABLE fixture.event                                                                | 1",
        "DROP VIEW other_view                                                                    | 1",
        "DROP PROCEDURE account_usage                                                            | 1",
        "DROP INDEX ix_account_name ON account                                                   | 1",
        "TRUNCATE TABLE event                                                                    | 1",
        "RENAME TABLE account TO account_old                                                     | 1",
        "DELETE FROM event WHERE id > 0                                                          | 1",
        "UPDATE account SET name = 'x' WHERE id = 1                                              | 1",
        "INSERT INTO account (id, name) VALUES (9, 'x')                                          | 1",
        "ALTER TABLE event ADD COLUMN x INT NULL, ALGORITHM=INSTANT                              | 1",
        "CREATE TRIGGER sneaky BEFORE INSERT ON account FOR EACH ROW SET NEW.name = NEW.name      | 1",
        // names that look like keywords or the expand's, but are not
        "ALTER TABLE host DROP COLUMN `label2`                                                   | 1",
        "ALTER TABLE hostx DROP COLUMN label                                                     | 1",
        "DROP TABLE `tag`; DROP TABLE `tags`                                                     | 1",
    })
    void rollbackShouldTouchOnlyWhatItsExpandCreatedOrChanged(String rollback, int outside) throws IOException {
        assertThat(findings(rollback + ";\n")).as(rollback).hasSize(outside);
    }

    @Test
    void findingShouldNameWhatIsOutsideAndTheExpand() throws IOException {
        assertThat(findings("-- gone\nALTER TABLE host DROP COLUMN note;\n")).singleElement().satisfies(f -> {
            assertThat(f.script()).isEqualTo("1.1.0/rollback.sql");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("drops column host.note").contains("1.1.0/expand.sql");
        });
    }

    @Test
    void bundledRollbacksShouldStayWithinTheirExpands() {
        assertThat(CatalogLint.check(Catalog.bundled()).findings()).filteredOn(f -> f.rule() == Rule.ROLLBACK_OUTSIDE_EXPAND)
                .isEmpty();
    }
}
