package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.StatusReport;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.SchemaFacts;
import org.dbcreator.testing.StockClient;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore never destroys: it loads into a scratch database, proves it, and only then swaps it
 * in; a failure leaves the old contents as they were, and a restore or backup killed half-way
 * leaves nothing that passes for complete.
 */
@ExtendWith(TestDatabaseExtension.class)
class RestoreSafetyIT {

    @TempDir
    Path folder;

    /** Targets whose scratch and holding databases are dropped after the test, even when it failed half-way. */
    private final List<TestDatabase> targets = new ArrayList<>();

    @AfterEach
    void dropScratchDatabases() throws SQLException {
        for (TestDatabase target : targets) {
            try (var c = target.server().adminConnection(); var s = c.createStatement()) {
                for (String name : restoreDatabases(s, target)) {
                    s.execute("DROP DATABASE `" + name + "`");
                }
            }
        }
    }

    @Test
    void replaceWithAFileThatFailsLateShouldLeaveTheOldContentsExactlyAsTheyWere(TestDatabase source, TestDatabase target)
            throws Exception {
        Fixtures.deployDemo(source);
        Path dump = folder.resolve("fails-late.sql");
        new StockClient(source.admin()).dump(source.name(), dump, "--skip-dump-date");
        String text = Files.readString(dump);
        int end = text.lastIndexOf("-- Dump completed");
        Files.writeString(dump, text.substring(0, end) + "CREATE VIEW fails_late AS SELECT * FROM no_such_table;\n"
                + text.substring(end));
        Fixtures.deployRich(target);
        target.execute("INSERT INTO account (uuid, name, type, created) VALUES ('a-9', 'only in the target', 0, NOW())");
        Picture before = Picture.of(target, folder.resolve("before.sql"));

        assertThatThrownBy(() -> restore(dump, target, RestoreRequest.intoEmpty().replacing()))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_FAILED);
                    assertThat(e.getMessage()).contains("no_such_table", "'" + target.name() + "' is as it was");
                });

        assertThat(Picture.of(target, folder.resolve("after.sql"))).isEqualTo(before);
        assertThat(restoreDatabases(source, target)).isEmpty();
    }

    @Test
    void replaceShouldSwapInEveryTableAndObjectOfTheBackupAndLeaveNoScratchBehind(TestDatabase source, TestDatabase target)
            throws Exception {
        Fixtures.deployRich(source);
        List<String> backedUp = Fixtures.serverChecksums(source);
        BackupResult backup = BackupRestoreIT.backup(source, BackupRequest.to(folder), ProgressListener.NONE);
        Fixtures.deployDemo(target);
        target.execute("CREATE TABLE a_view_on_view (id INT PRIMARY KEY)", // a table where the backup has a view
                "CREATE VIEW precious_view AS SELECT id FROM a_view_on_view",
                "CREATE PROCEDURE precious_proc() SELECT 1",
                "CREATE TRIGGER precious_trigger BEFORE INSERT ON account FOR EACH ROW SET NEW.name = UPPER(NEW.name)");

        RestoreResult restored = restore(backup.files().dump(), target, RestoreRequest.intoEmpty().replacing());

        assertThat(restored.checksumsCompared()).isTrue();
        try (var s = source.server().adminConnection(); var c = target.server().adminConnection()) {
            assertThat(SchemaFacts.of(c, target.name())).isEqualTo(SchemaFacts.of(s, source.name()));
        }
        assertThat(Fixtures.serverChecksums(target)).isEqualTo(backedUp);
        assertThat(target.number("SELECT add_one(41)")).isEqualTo(42);
        assertThat(target.rows("SELECT name FROM a_view_on_view")).containsExactly("web");
        assertThat(target.rows("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()"))
                .containsExactly("purge_nothing");
        assertThat(target.rows("SELECT REFERENCED_TABLE_SCHEMA FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL GROUP BY 1")).containsExactly(target.name());
        assertThat(restoreDatabases(source, target)).isEmpty();
    }

    @Test
    void restoreKilledWhileMovingInShouldLeaveADatabaseThatEveryOperationRefusesUntilTheRestoreIsRunAgain(
            TestDatabase source, TestDatabase target) throws Exception {
        Fixtures.deployRich(source);
        BackupResult backup = BackupRestoreIT.backup(source, BackupRequest.to(folder), ProgressListener.NONE);
        Fixtures.deployDemo(target);

        String halted = fork("replace", target, backup.files().dump().toString(), "Moved ");

        assertThat(halted).contains("halting at");
        assertThat(Fixtures.tables(target)).contains("odd_values", RestoreMarker.TABLE);
        assertThat(target.number("SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()")).isZero();
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, target.admin(), ProgressListener.NONE)) {
            for (Runnable operation : List.<Runnable>of(() -> engine.status(Optional.empty()),
                    () -> engine.upgrade(Optional.empty(), false, BackupPolicy.skip()), () -> engine.deploy(Optional.empty()),
                    () -> engine.backup(BackupRequest.to(folder.resolve("refused"))))) {
                assertThatThrownBy(operation::run).isInstanceOfSatisfying(DbCreatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.OPERATION_IN_PROGRESS);
                    assertThat(e.getMessage()).contains("half-restored", "restoring " + backup.files().dump()
                            + " into it again, replacing what it holds", "DROP DATABASE `" + target.name() + "`");
                });
            }
        }
        assertThat(folder.resolve("refused")).doesNotExist();

        restore(backup.files().dump(), target, RestoreRequest.intoEmpty().replacing());

        try (var s = source.server().adminConnection(); var c = target.server().adminConnection()) {
            assertThat(SchemaFacts.of(c, target.name())).isEqualTo(SchemaFacts.of(s, source.name()));
        }
        assertThat(Fixtures.tables(target)).doesNotContain(RestoreMarker.TABLE);
        assertThat(restoreDatabases(source, target)).as("the killed run's scratch and old contents are gone").isEmpty();
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, target.admin(), ProgressListener.NONE)) {
            assertThat(engine.status(Optional.empty()).condition()).isEqualTo(StatusReport.Condition.MANAGED);
        }
    }

    @Test
    void restoreKilledWhileLoadingShouldLeaveTheTargetAbsentAndItsScratchForTheNextRestoreToDrop(TestDatabase source,
            TestDatabase target) throws Exception {
        Fixtures.deployRich(source);
        BackupResult backup = BackupRestoreIT.backup(source, BackupRequest.to(folder), ProgressListener.NONE);

        fork("restore", target, backup.files().dump().toString(), "TableProgress");

        assertThat(source.number("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + target.name() + "'"))
                .isZero();
        assertThat(restoreDatabases(source, target)).containsExactly(ScratchDatabase.nameFor(target.name()));

        RestoreResult restored = restore(backup.files().dump(), target, RestoreRequest.intoEmpty());

        assertThat(restored.checksumsCompared()).isTrue();
        assertThat(restoreDatabases(source, target)).isEmpty();
    }

    @Test
    void backupKilledHalfWayShouldLeaveNoPartialFileAndNoLockRowAfterTheNextBackup(TestDatabase db) throws Exception {
        Fixtures.deployRich(db);
        Path otherDatabases = Files.writeString(folder.resolve("other-4.1.0-20200101T000000Z.sql.gz.partial"), "x");

        fork("backup", db, folder.toString(), "TableProgress");

        List<Path> partials = partials();
        assertThat(partials).anySatisfy(p -> assertThat(p.toString()).endsWith(".sql.gz.partial").contains(db.name()));
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_lock")).as("the killed backup's lock row").isEqualTo(1);
        for (Path p : partials) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(BackupTarget.STALE_AFTER).minusSeconds(5)));
        }
        Path writtenJustNow = Files.writeString(folder.resolve(db.name() + "-4.1.0-20990101T000000Z.sql.gz.partial"), "x");

        BackupRestoreIT.backup(db, BackupRequest.to(folder), ProgressListener.NONE);

        assertThat(partials()).containsExactlyInAnyOrder(otherDatabases, writtenJustNow);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_lock")).isZero();
    }

    private List<Path> partials() throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".partial")).toList();
        }
    }

    private static RestoreResult restore(Path file, TestDatabase target, RestoreRequest request) {
        return BackupRestoreIT.restore(file, target, request, ProgressListener.NONE);
    }

    /** The scratch and holding databases of restores into {@code target}, named after it. */
    private static List<String> restoreDatabases(TestDatabase existing, TestDatabase target) throws SQLException {
        try (var c = existing.server().adminConnection(); var s = c.createStatement()) {
            return restoreDatabases(s, target);
        }
    }

    private static List<String> restoreDatabases(Statement s, TestDatabase target) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
                + ScratchDatabase.nameFor(target.name()) + "%' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Runs {@link Forked} until it halts where asked (or ends); returns what it printed. */
    private String fork(String operation, TestDatabase db, String path, String haltAt) throws Exception {
        targets.add(db);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Forked.class.getName(), operation, db.admin().host(),
                String.valueOf(db.admin().port()), db.admin().user(), db.name(), path, haltAt);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBCREATOR_PASSWORD", db.admin().password().reveal());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(137);
        return output;
    }

    /** What a database is, to compare before and after: its schema dump and every table's CHECKSUM TABLE. */
    private record Picture(String schema, List<String> checksums, List<String> objects) {
        static Picture of(TestDatabase db, Path file) throws Exception {
            new StockClient(db.admin()).dump(db.name(), file, "--no-data", "--skip-dump-date");
            List<String> objects = new ArrayList<>(db.rows("SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME)"
                    + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"));
            return new Picture(Files.readString(file), Fixtures.serverChecksums(db), objects);
        }
    }
}
