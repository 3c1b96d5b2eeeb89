package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.dbcreator.db.Database;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.SchemaFacts;
import org.dbcreator.testing.StockClient;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A backup restores to exactly what was backed up: by our restore, and by the stock client alone. */
@ExtendWith(TestDatabaseExtension.class)
class BackupRestoreIT {

    @TempDir
    Path folder;

    static BackupResult backup(TestDatabase db, BackupRequest request, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, db.admin(), listener)) {
            return engine.backup(request);
        }
    }

    static RestoreResult restore(Path file, TestDatabase target, RestoreRequest request, ProgressListener listener) {
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, target.admin(), listener)) {
            return engine.restore(file, request);
        }
    }

    @Test
    void restoreShouldReproduceEveryObjectAndEveryValue(TestDatabase source, TestDatabase copy) throws SQLException {
        Fixtures.deployRich(source);
        List<String> backedUp = Fixtures.serverChecksums(source); // the backup's own history row comes after
        List<ProgressEvent.TableProgress> progress = new ArrayList<>();
        BackupResult backup = backup(source, BackupRequest.to(folder).withRanges(1), event -> {
            if (event instanceof ProgressEvent.TableProgress t) {
                progress.add(t);
            }
        });

        RestoreResult restored = restore(backup.files().dump(), copy, RestoreRequest.intoEmpty(), ProgressListener.NONE);

        assertThat(restored.checksumsCompared()).isTrue();
        assertThat(restored.rows()).isEqualTo(backup.manifest().rows()).isPositive();
        try (var s = source.server().adminConnection(); var c = copy.server().adminConnection()) {
            assertThat(SchemaFacts.of(c, copy.name())).isEqualTo(SchemaFacts.of(s, source.name()));
        }
        assertThat(Fixtures.serverChecksums(copy)).isEqualTo(backedUp);
        String exact = "SELECT id, CAST(f AS DOUBLE), d, z, tm, y, HEX(b), HEX(bin), t, l1, hidden, g, gs, ts"
                + " FROM odd_values ORDER BY id";
        assertThat(copy.rows(exact)).isEqualTo(source.rows(exact)).hasSize(3);
        assertThat(copy.rows("SELECT name FROM a_view_on_view")).containsExactly("web");
        assertThat(copy.number("SELECT add_one(41)")).isEqualTo(42);
        assertThat(backup.manifest().objects()).contains("view a_view_on_view", "view vm_view", "function add_one",
                "procedure purge_old_events", "trigger odd_values_mark", "event purge_nothing");
        assertThat(progress).filteredOn(ProgressEvent.TableProgress::finished).extracting(ProgressEvent.TableProgress::table)
                .containsExactlyInAnyOrderElementsOf(Fixtures.tables(source));
    }

    @Test
    void stockClientShouldRestoreTheBackupByItself(TestDatabase source, TestDatabase copy) throws Exception {
        Fixtures.deployRich(source);
        List<String> backedUp = Fixtures.serverChecksums(source);
        BackupResult backup = backup(source, BackupRequest.to(folder).withRanges(1), ProgressListener.NONE);
        copy.create();

        try (InputStream sql = new GZIPInputStream(Files.newInputStream(backup.files().dump()))) {
            new StockClient(copy.admin()).run(sql, copy.name());
        }

        try (Database restored = Database.connect(copy.admin())) {
            assertThat(ContentVerifier.differences(restored, backup.manifest(), 2)).isEmpty();
        }
        assertThat(Fixtures.serverChecksums(copy)).isEqualTo(backedUp);
    }

    @Test
    void restoreShouldAcceptAStockDumpAndSayItsChecksumsAreUnknown(TestDatabase source, TestDatabase copy) throws Exception {
        Fixtures.deployDemo(source);
        Path dump = folder.resolve("stock.sql");
        new StockClient(source.admin()).dump(source.name(), dump);
        assertThat(Files.readString(dump)).startsWith("/*M!999999\\- enable the sandbox mode */");

        RestoreResult restored = restore(dump, copy, RestoreRequest.intoEmpty(), ProgressListener.NONE);

        assertThat(restored.stockDump()).isTrue();
        assertThat(restored.checksumsCompared()).isFalse();
        assertThat(restored.notes()).anySatisfy(n -> assertThat(n).contains("checksums are unknown"));
        assertThat(Fixtures.serverChecksums(copy)).isEqualTo(Fixtures.serverChecksums(source));
        assertThat(copy.rows("SELECT name FROM vm_view")).containsExactly("web");
    }

    @Test
    void restoreOverANonEmptyDatabaseShouldNameWhatIsLostAndNeedReplace(TestDatabase source, TestDatabase target)
            throws SQLException {
        Fixtures.deployDemo(source);
        BackupResult backup = backup(source, BackupRequest.to(folder), ProgressListener.NONE);
        target.create();
        target.execute("CREATE TABLE precious (id INT PRIMARY KEY)", "INSERT INTO precious VALUES (1), (2)",
                "CREATE VIEW precious_view AS SELECT id FROM precious");
        List<String> notices = new ArrayList<>();

        RestoreResult replaced = restore(backup.files().dump(), target, RestoreRequest.intoEmpty().replacing(), event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        });

        assertThat(notices).anySatisfy(n -> assertThat(n).contains("dropping 1 table", "precious", "view precious_view",
                "These are lost"));
        assertThat(replaced.checksumsCompared()).isTrue();
        assertThat(Fixtures.tables(target)).doesNotContain("precious").contains("vm_instance");
    }

    @Test
    void backupShouldFlagTablesOutsideTheSnapshot(TestDatabase db) throws SQLException {
        Fixtures.deployDemo(db);
        db.execute("CREATE TABLE legacy_log (id INT PRIMARY KEY, line VARCHAR(100)) ENGINE=MyISAM",
                "INSERT INTO legacy_log VALUES (1, 'kept anyway')");
        List<String> notices = new ArrayList<>();

        BackupResult backup = backup(db, BackupRequest.to(folder), event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        });

        assertThat(backup.warnings()).singleElement().asString().contains("legacy_log", "MyISAM", "not InnoDB");
        assertThat(backup.manifest().warnings()).isEqualTo(backup.warnings());
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("Warning: Table legacy_log uses MyISAM"));
        assertThat(backup.manifest().tables()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("legacy_log");
            assertThat(t.rows()).isEqualTo(1);
        });
    }
}
