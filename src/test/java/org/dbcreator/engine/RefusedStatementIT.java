package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement the server refused did not take effect: the next run runs it again, never judges
 * it, and status says so. Every end state is read from the server, and a bystander database (a
 * managed one, the kind a stray statement once destroyed) is the same before and after.
 */
@ExtendWith(TestDatabaseExtension.class)
class RefusedStatementIT {

    @TempDir
    Path temp;

    private TestDatabase bystander;
    private Footprint bystanderBefore;

    @BeforeEach
    void deployBystander() throws SQLException {
        bystander = TestDatabase.unique();
        try (DbCreator engine = DbCreator.connect(Catalog.bundled(), bystander.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.empty());
        }
        bystanderBefore = Footprint.of(bystander);
    }

    @AfterEach
    void bystanderIsUntouched() throws SQLException {
        try {
            assertThat(Footprint.of(bystander)).isEqualTo(bystanderBefore);
        } finally {
            bystander.close();
        }
    }

    @Test
    void createTableRefusedAsExistingShouldRunAgainOnEveryRerunAndNeverBeRecordedDone(TestDatabase db) throws Exception {
        Path catalog = catalog(Map.of(
                "1.0.0/create-schema.sql", "CREATE TABLE x (id int PRIMARY KEY) ENGINE=InnoDB;\n",
                "1.1.0/expand.sql", "CREATE TABLE x (id int PRIMARY KEY, note varchar(20)) ENGINE=InnoDB;\n",
                "1.1.0/cleanup.sql", ""));

        assertRefused(db, catalog, 1050);
        assertRefused(db, catalog, 1050); // before the fix, this rerun said "took effect" and ended CLEAN

        assertThat(db.column("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = 'x'", "COLUMN_NAME")).containsExactly("id");
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("DEPLOYING");
        assertThat(db.rows("SELECT outcome FROM dbcreator_journal WHERE script = '1.1.0/expand.sql'"))
                .containsExactly("FAILED");
        assertThat(db.rows("SELECT error_code, statement_line FROM dbcreator_failure ORDER BY id"))
                .containsExactly("1050 | 1", "1050 | 1");
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_history WHERE script = '1.1.0/expand.sql'")).isZero();

        Files.writeString(catalog.resolve("1.1.0/expand.sql"),
                "ALTER TABLE x ADD COLUMN note varchar(20) NULL;\n"); // the author's fix
        deploy(db, catalog);

        assertThat(db.column("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = 'x' ORDER BY ORDINAL_POSITION", "COLUMN_NAME")).containsExactly("id", "note");
        assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | 1.1.0");
        assertThat(db.rows("SELECT outcome FROM dbcreator_journal WHERE script = '1.1.0/expand.sql'"))
                .containsExactly("DONE");
    }

    @Test
    void createTableLeftStartedOverAnOlderTableOfThatNameShouldNotBeJudgedDone(TestDatabase db) throws Exception {
        Path catalog = catalog(Map.of(
                "1.0.0/create-schema.sql", "CREATE TABLE x (id int PRIMARY KEY) ENGINE=InnoDB;\n",
                "1.1.0/expand.sql", "CREATE TABLE x (id int PRIMARY KEY, note varchar(20)) ENGINE=InnoDB;\n",
                "1.1.0/cleanup.sql", ""));
        assertRefused(db, catalog, 1050);
        // As if the process had died during the statement: its outcome unknown, so it is judged
        db.execute("UPDATE dbcreator_journal SET outcome = 'STARTED', finished_at = NULL, error = NULL"
                + " WHERE script = '1.1.0/expand.sql'");
        List<String> notices = new ArrayList<>();

        assertThatThrownBy(() -> deploy(db, catalog, event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        })).isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_FAILED));

        // x lacks the statement's note column: the x there is not the one it creates
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("did not take effect"));
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("DEPLOYING");
    }

    @Test
    void dropTableRefusedByForeignKeyShouldRunAgainOnceTheReferenceIsGone(TestDatabase db) throws Exception {
        Path catalog = catalog(Map.of(
                "1.0.0/create-schema.sql", """
                        CREATE TABLE a (id int PRIMARY KEY) ENGINE=InnoDB;
                        CREATE TABLE b (id int PRIMARY KEY, a_id int, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id)) ENGINE=InnoDB;
                        INSERT INTO a VALUES (1);
                        INSERT INTO b VALUES (1, 1);
                        """,
                "1.1.0/expand.sql", "CREATE TABLE a2 (id int PRIMARY KEY) ENGINE=InnoDB;\n",
                "1.1.0/cleanup.sql", "DROP TABLE a;\n"));

        DbCreatorException refused = assertRefusedWithCode(db, catalog);
        assertThat(refused.getMessage()).contains("1.1.0/cleanup.sql:1");
        assertRefusedWithCode(db, catalog);
        assertThat(tables(db)).contains("a", "b");

        db.execute("ALTER TABLE b DROP FOREIGN KEY fk_b_a"); // the cause fixed outside the script
        deploy(db, catalog);

        assertThat(tables(db)).doesNotContain("a").contains("a2", "b");
        assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | 1.1.0");
    }

    @Test
    void statementOnAMissingTableShouldRunAgainOnceTheTableExists(TestDatabase db) throws Exception {
        Path catalog = catalog(Map.of(
                "1.0.0/create-schema.sql", "CREATE TABLE x (id int PRIMARY KEY) ENGINE=InnoDB;\n",
                "1.1.0/expand.sql", """
                        ALTER TABLE x ADD COLUMN a int NULL;
                        ALTER TABLE missing ADD COLUMN note varchar(20) NULL;
                        ALTER TABLE x ADD COLUMN b int NULL;
                        """,
                "1.1.0/cleanup.sql", ""));
        assertRefused(db, catalog, 1146);

        StatusReport status = status(db, catalog);
        assertThat(status.interrupted()).hasValueSatisfying(at -> {
            assertThat(at.script() + ":" + at.line()).isEqualTo("1.1.0/expand.sql:2");
            assertThat(at.refused()).isTrue();
            assertThat(at.serverError()).hasValueSatisfying(error -> assertThat(error).contains("missing"));
        });
        assertThat(status.nextAction()).isEqualTo(new NextAction.Resume(OperationKind.DEPLOY,
                org.dbcreator.catalog.Version.parse("1.1.0"), true));

        db.execute("CREATE TABLE missing (id int PRIMARY KEY)");
        List<String> notices = new ArrayList<>();
        deploy(db, catalog, event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        });

        assertThat(notices).anySatisfy(n -> assertThat(n).contains("refused this statement last time")
                .contains("runs again"));
        assertThat(columns(db, "x")).containsExactly("id", "a", "b");
        assertThat(columns(db, "missing")).containsExactly("id", "note");
        assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | 1.1.0");
    }

    @Test
    void refusedDataStatementShouldLeaveNeitherItsRowsNorADoneRecord(TestDatabase db) throws Exception {
        Path catalog = catalog(Map.of(
                "1.0.0/create-schema.sql", """
                        CREATE TABLE x (id int PRIMARY KEY) ENGINE=InnoDB;
                        INSERT INTO x VALUES (1);
                        """,
                "1.1.0/expand.sql", """
                        INSERT INTO x VALUES (10);
                        INSERT INTO x VALUES (2), (1), (3);
                        """,
                "1.1.0/cleanup.sql", ""));
        assertRefused(db, catalog, 1062);

        // Both inserts of the expand shared a transaction: neither is left, and neither is recorded done
        assertThat(db.column("SELECT id FROM x ORDER BY id", "id")).containsExactly("1");
        assertThat(db.rows("SELECT statement_index, outcome FROM dbcreator_journal WHERE script = '1.1.0/expand.sql'"))
                .containsExactly("1 | FAILED");

        db.execute("DELETE FROM x WHERE id = 1"); // the blocking row removed
        deploy(db, catalog);

        assertThat(db.column("SELECT id FROM x ORDER BY id", "id")).containsExactly("1", "2", "3", "10");
    }

    private void assertRefused(TestDatabase db, Path catalog, int serverError) {
        DbCreatorException refused = assertRefusedWithCode(db, catalog);
        assertThat(refused.getMessage()).contains("error " + serverError);
    }

    private DbCreatorException assertRefusedWithCode(TestDatabase db, Path catalog) {
        List<DbCreatorException> thrown = new ArrayList<>();
        assertThatThrownBy(() -> deploy(db, catalog)).isInstanceOfSatisfying(DbCreatorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_FAILED);
            thrown.add(e);
        });
        return thrown.get(0);
    }

    private static void deploy(TestDatabase db, Path catalog) {
        deploy(db, catalog, ProgressListener.NONE);
    }

    private static void deploy(TestDatabase db, Path catalog, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(Catalog.fromDirectory(catalog), db.admin(), listener)) {
            engine.deploy(Optional.empty());
        }
    }

    private static StatusReport status(TestDatabase db, Path catalog) {
        try (DbCreator engine = DbCreator.connect(Catalog.fromDirectory(catalog), db.admin(), ProgressListener.NONE)) {
            return engine.status(Optional.empty());
        }
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        return db.column("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db.name() + "'",
                "TABLE_NAME");
    }

    private static List<String> columns(TestDatabase db, String table) throws SQLException {
        return db.column("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION", "COLUMN_NAME");
    }

    private Path catalog(Map<String, String> scripts) throws IOException {
        return TestCatalogs.write(Files.createTempDirectory(temp, "catalog"), """
                product: refusals
                database: refusals
                baseline: { version: 1.0.0, schema: 1.0.0/create-schema.sql }
                steps:
                  - { from: 1.0.0, to: 1.1.0, expand: 1.1.0/expand.sql, cleanup: 1.1.0/cleanup.sql }
                """, scripts);
    }
}
