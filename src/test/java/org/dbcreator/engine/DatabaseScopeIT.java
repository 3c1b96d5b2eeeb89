package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Bystander;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A script never leaves its database: issue 10's USE, DROP DATABASE and database-name repros. */
@ExtendWith(TestDatabaseExtension.class)
class DatabaseScopeIT {

    @TempDir
    Path temp;

    private Path catalogWith(String script, Function<String, String> edit) throws IOException {
        Path catalog = TestCatalogs.copyOfBundled(temp);
        Path file = catalog.resolve(script);
        Files.writeString(file, edit.apply(Files.readString(file)));
        return catalog;
    }

    private static DeployResult deploy(Catalog catalog, TestDatabase db) {
        try (DbCreator engine = DbCreator.connect(catalog, db.admin(), ProgressListener.NONE)) {
            return engine.deploy(Optional.empty());
        }
    }

    private static boolean exists(TestDatabase db) throws SQLException {
        try (TestDatabase probe = TestDatabase.unique()) {
            probe.create();
            return probe.number("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db.name() + "'") > 0;
        }
    }

    @Test
    void expandThatSaysUseOfAnotherManagedDatabaseShouldBeRefusedAtLoadLeavingItAlone(TestDatabase b) throws Exception {
        deploy(Catalog.bundled(), b);
        try (Bystander bystander = Bystander.watch(b)) {
            Path catalog = catalogWith("4.1.0/expand.sql", sql -> "USE " + b.name() + ";\nDROP TABLE host;\n" + sql);

            assertThatThrownBy(() -> Catalog.fromDirectory(catalog))
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_LEAVES_DATABASE))
                    .hasMessageContaining("4.1.0/expand.sql:1: USE " + b.name());
            bystander.assertUnchanged();
        }
    }

    @Test
    void dropDatabaseInAScriptShouldBeRefusedAtLoad() throws Exception {
        try (Bystander bystander = Bystander.create()) {
            Path catalog = catalogWith("4.2.0/cleanup.sql", sql -> sql + "\nDROP DATABASE `" + bystander.name() + "`;\n");

            assertThatThrownBy(() -> Catalog.fromDirectory(catalog))
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.SCRIPT_LEAVES_DATABASE))
                    .hasMessageContaining("4.2.0/cleanup.sql:").hasMessageContaining("DROP DATABASE");
            bystander.assertUnchanged();
        }
    }

    /** A catalog whose manifest names database {@code own} and whose 4.1.0 expand qualifies a name with it. */
    private Catalog boundTo(String own) throws IOException {
        Path catalog = catalogWith("4.1.0/expand.sql", sql -> sql + "\nUPDATE `" + own + "`.host SET name = name WHERE 1 = 0;\n");
        Path manifest = catalog.resolve("manifest.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("database: cloud", "database: " + own));
        return Catalog.fromDirectory(catalog);
    }

    @Test
    void catalogQualifiedWithItsDatabaseNameShouldDeployUnderThatName(TestDatabase db) throws Exception {
        Catalog catalog = boundTo(db.name());
        assertThat(catalog.ownDatabaseNamedAt()).hasValueSatisfying(place -> assertThat(place).contains("4.1.0/expand.sql:"));

        DeployResult result = deploy(catalog, db);

        assertThat(result.outcome()).isEqualTo(DeployResult.Outcome.DEPLOYED);
        assertThat(result.version()).isEqualTo(catalog.latestVersion());
    }

    @Test
    void catalogQualifiedWithItsDatabaseNameShouldBeRefusedUnderAnotherBeforeAnythingIsCreated(TestDatabase own,
            TestDatabase other) throws Exception {
        Catalog catalog = boundTo(own.name());
        try (Bystander bystander = Bystander.create(); DbCreator engine = DbCreator.connect(catalog, other.admin(),
                ProgressListener.NONE)) {
            assertThatThrownBy(() -> engine.deploy(Optional.of(Version.parse("4.0.0"))))
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_NAME_BOUND))
                    .hasMessageContaining("'" + own.name() + "'").hasMessageContaining("4.1.0/expand.sql:")
                    .hasMessageContaining("'" + other.name() + "'");
            assertThatThrownBy(() -> engine.upgrade(Optional.empty(), true))
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_NAME_BOUND));
            assertThatThrownBy(() -> engine.cleanup(CleanupRequest.preview()))
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_NAME_BOUND));
            assertThat(exists(other)).isFalse();
            assertThat(exists(own)).isFalse();
            bystander.assertUnchanged();
        }
    }

    @Test
    void useOfTheProductsOwnDatabaseShouldNotBeSentSoADeployUnderAnotherNameStaysInItsTarget(TestDatabase db)
            throws Exception {
        // Written for `mysql cloud < file`: the manifest's database is cloud, the target another name
        Path catalog = catalogWith("4.1.0/expand.sql", sql -> "USE cloud;\n" + sql);
        try (Bystander bystander = Bystander.create()) {
            List<String> notices = new ArrayList<>();
            try (DbCreator engine = DbCreator.connect(Catalog.fromDirectory(catalog), db.admin(), event -> {
                if (event instanceof ProgressEvent.Notice n) {
                    notices.add(n.message());
                }
            })) {
                engine.deploy(Optional.empty());
            }

            assertThat(notices).anySatisfy(n -> assertThat(n).contains("4.1.0/expand.sql:1").contains("not sent")
                    .contains("'" + db.name() + "'"));
            assertThat(db.rows("SELECT phase, schema_version FROM dbcreator_state"))
                    .containsExactly("CLEAN | " + Catalog.bundled().latestVersion());
            assertThat(db.number("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'cloud'"))
                    .isZero();
            bystander.assertUnchanged();
        }
    }

    /** The bystander check itself must be able to fail: a changed row or routine is noticed. */
    @Test
    void bystanderShouldNoticeAChangedRowAndADroppedRoutine(TestDatabase db) throws Exception {
        db.create().execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(8))", "INSERT INTO t VALUES (1, 'a')",
                "CREATE PROCEDURE p() SELECT 1");
        Bystander rows = Bystander.watch(db);
        db.execute("UPDATE t SET v = 'b'");
        assertThatThrownBy(rows::assertUnchanged).isInstanceOf(AssertionError.class).hasMessageContaining("rows t");

        Bystander routines = Bystander.watch(db);
        db.execute("DROP PROCEDURE p");
        assertThatThrownBy(routines::assertUnchanged).isInstanceOf(AssertionError.class);
    }
}
