package org.dbcreator.catalog.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.dbcreator.catalog.Script;
import org.dbcreator.catalog.ScriptKind;
import org.dbcreator.catalog.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The tables and columns a rollback drops that its expand created, read from the two scripts. The
 * expand of every case adds host.label (quoted, mixed case), host.`odd name`, an index, a table
 * {@code tag} and a view; each rollback is judged against that. Expected: the dropped keys, in order.
 */
class RollbackDropsTest {

    private static final String EXPAND = """
            -- the expand
            ALTER TABLE `host` ADD COLUMN `Label` VARCHAR(64) NULL, ADD `odd name` INT NULL, ALGORITHM=INSTANT;
            CREATE INDEX ix_host_label ON host (label) ALGORITHM=INPLACE LOCK=NONE;
            /* a table */ create table IF NOT EXISTS Tag (id INT NOT NULL PRIMARY KEY, host_id BIGINT NULL);
            CREATE SQL SECURITY INVOKER VIEW host_view AS SELECT id, label FROM host;
            """;

    private static List<String> drops(String rollback) {
        Version v = Version.parse("1.1.0");
        Script expand = new Script("1.1.0/expand.sql", "expand.sql", ScriptKind.EXPAND, v, EXPAND, "app");
        Script back = new Script("1.1.0/rollback.sql", "rollback.sql", ScriptKind.ROLLBACK, v, rollback, "app");
        return RollbackDrops.of(expand, back).stream().map(RollbackDrops.Dropped::key).toList();
    }

    static Stream<Arguments> rollbacks() {
        return Stream.of(
                Arguments.of("ALTER TABLE host DROP COLUMN label, ALGORITHM=INPLACE, LOCK=NONE;", "host.label"),
                Arguments.of("alter table `HOST` drop `LABEL`;", "host.label"),
                Arguments.of("ALTER TABLE host DROP COLUMN IF EXISTS label;", "host.label"),
                Arguments.of("ALTER TABLE host DROP `odd name`;", "host.odd name"),
                Arguments.of("ALTER TABLE app.host DROP COLUMN label;", "host.label"),
                Arguments.of("ALTER TABLE host DROP INDEX ix_host_label, DROP COLUMN label;", "host.label"),
                Arguments.of("ALTER TABLE host DROP KEY label;", ""),
                Arguments.of("ALTER TABLE host DROP COLUMN name;", ""),
                Arguments.of("ALTER TABLE account DROP COLUMN label;", ""),
                Arguments.of("DROP TABLE tag;", "tag"),
                Arguments.of("DROP TABLE IF EXISTS `Tag`, other;", "tag"),
                Arguments.of("DROP TABLE host;", ""),
                Arguments.of("DROP VIEW host_view;", ""),
                Arguments.of("DROP INDEX ix_host_label ON host;", ""),
                Arguments.of("-- DROP TABLE tag;\nSELECT 1;", ""),
                Arguments.of("/* ALTER TABLE host DROP COLUMN label; */ SELECT 'DROP TABLE tag';", ""),
                Arguments.of("# DROP TABLE tag\nDROP /* tag */ TABLE tag;", "tag"),
                Arguments.of("UPDATE host SET label = NULL; ALTER TABLE host DROP label, DROP `odd name`;", "host.label;host.odd name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rollbacks")
    void shouldFindWhatTheRollbackDropsOfWhatTheExpandCreated(String rollback, String expected) {
        assertThat(drops(rollback)).containsExactlyElementsOf(
                expected.isEmpty() ? List.of() : List.of(expected.split(";")));
    }

    @Test
    void shouldKeepTheNamesAsTheRollbackWritesThem() {
        Version v = Version.parse("1.1.0");
        Script expand = new Script("e", "e", ScriptKind.EXPAND, v, EXPAND, "app");
        Script back = new Script("r", "r", ScriptKind.ROLLBACK, v, "-- undo\n\nALTER TABLE `HOST` DROP `LABEL`;\nDROP TABLE Tag;", "app");
        assertThat(RollbackDrops.of(expand, back)).containsExactly(
                new RollbackDrops.Dropped("HOST", java.util.Optional.of("LABEL"), 3),
                new RollbackDrops.Dropped("Tag", java.util.Optional.empty(), 4));
    }
}
