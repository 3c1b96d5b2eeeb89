package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.BackupResult;
import org.dbcreator.backup.RestoreRequest;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade starts only with a recent verified backup at the schema's release, one it takes first,
 * or a recorded skip; the check is green only for a backup proved restorable in a scratch database.
 */
@ExtendWith(TestDatabaseExtension.class)
class BackupGateIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String OLDEST = CATALOG.baselineVersion().toString();

    @TempDir
    Path folder;

    private static Operator deployedOldest(TestDatabase db) {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(OLDEST, SampleSize.none());
        return op;
    }

    private static PreflightCheck backupCheck(UpgradeResult result) {
        return result.checks().checks().stream().filter(c -> c.id() == PreflightCheck.Id.BACKUP).findFirst().orElseThrow();
    }

    /** A backup read back only, as with --no-restore-test. */
    private BackupResult backup(TestDatabase db) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return engine.backup(BackupRequest.to(folder));
        }
    }

    private TakenBackup restoreTestedBackup(TestDatabase db) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return engine.backup(BackupRequest.to(folder), true);
        }
    }

    private static List<String> scratchDatabases(TestDatabase db) throws SQLException {
        return db.column("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dbcreator\\_verify\\_%'",
                "SCHEMA_NAME");
    }

    @Test
    void upgradeWithoutABackupShouldBeRefusedAndChangeNothing(TestDatabase db) throws SQLException {
        Operator op = deployedOldest(db);
        Footprint before = Footprint.of(db);

        assertThatThrownBy(() -> op.upgrade(ProgressListener.NONE, BackupPolicy.defaults()))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_REQUIRED))
                .hasMessageContaining("Backup: No verified backup of '" + db.name() + "' at 4.0.0 is recorded.");
        assertThat(Footprint.of(db)).isEqualTo(before);

        PreflightCheck check = backupCheck(op.dryRunUpgrade());
        assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.RED);
        Version latest = CATALOG.latestVersion();
        assertThat(check.fix()).containsExactly(new NextAction.UpgradeWithBackup(latest),
                new NextAction.UpgradeWithoutBackup(latest));
    }

    @Test
    void upgradeShouldTakeABackupFirstAndProveItRestorableWhenAskedTo(TestDatabase db, TestDatabase restored)
            throws SQLException {
        Operator op = deployedOldest(db);
        List<String> scratchBefore = scratchDatabases(db);
        List<ProgressEvent> events = new ArrayList<>();

        UpgradeResult result = op.upgrade(events::add, BackupPolicy.takeFirst(BackupRequest.to(folder)));

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(backupCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ProgressEvent.Notice.class,
                n -> assertThat(n.message()).startsWith("Backup taken and proved restorable: " + folder)));
        assertThat(db.rows("SELECT kind, schema_version, verification FROM dbcreator_backup"))
                .containsExactly("BACKUP | 4.0.0 | RESTORE_TEST");
        assertThat(scratchDatabases(db)).as("only scratch databases other runs left, if any").isSubsetOf(scratchBefore);
        Path file = Path.of(db.rows("SELECT file FROM dbcreator_backup").get(0));
        try (DbCreator engine = DbCreator.connect(CATALOG, restored.admin(), ProgressListener.NONE)) {
            engine.restore(file, RestoreRequest.intoEmpty());
            assertThat(engine.status(Optional.empty()).schemaVersion()).as("the backup precedes the expand")
                    .contains(Version.parse(OLDEST));
        }
    }

    @Test
    void upgradeWhoseBackupSkipsTheRestoreTestShouldShowAmberAndRecordItAsReadBackOnly(TestDatabase db)
            throws SQLException {
        Operator op = deployedOldest(db);

        UpgradeResult result = op.upgrade(ProgressListener.NONE,
                BackupPolicy.takeFirst(BackupRequest.to(folder)).withoutRestoreTest());

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(backupCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(backupCheck(result).evidence()).contains("not proved restorable");
        assertThat(db.rows("SELECT verification FROM dbcreator_backup")).containsExactly("FILE");
    }

    @Test
    void accountThatCannotCreateTheScratchDatabaseShouldBeRefusedBeforeTheBackup(TestDatabase db)
            throws SQLException {
        deployedOldest(db);
        Operator owner = new Operator(CATALOG, db.createUser("ALL PRIVILEGES"));
        Footprint before = Footprint.of(db);

        assertThatThrownBy(() -> owner.upgrade(ProgressListener.NONE, BackupPolicy.takeFirst(BackupRequest.to(folder))))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES))
                .hasMessageContaining("dbcreator\\_verify\\_%");
        assertThat(Footprint.of(db)).isEqualTo(before);
        assertThat(folder).isEmptyDirectory();
        assertThat(backupCheck(owner.dryRunUpgrade(BackupPolicy.takeFirst(BackupRequest.to(folder)))).fix())
                .contains(new NextAction.SkipRestoreTest());
    }

    @Test
    void recentRestoreTestedBackupShouldLetTheUpgradeStartGreen(TestDatabase db) throws SQLException {
        Operator op = deployedOldest(db);
        List<String> scratchBefore = scratchDatabases(db);
        TakenBackup backup = restoreTestedBackup(db);
        assertThat(backup.provedRestorable()).isTrue();
        assertThat(db.rows("SELECT verification FROM dbcreator_backup")).containsExactly("RESTORE_TEST");
        assertThat(scratchDatabases(db)).as("only scratch databases other runs left, if any").isSubsetOf(scratchBefore);

        UpgradeResult result = op.upgrade(ProgressListener.NONE, BackupPolicy.defaults());

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(backupCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);
        assertThat(backupCheck(result).evidence()).startsWith(backup.backup().files().dump().toString())
                .contains("at 4.0.0", "restored into a scratch database");
    }

    @Test
    void recentBackupOnlyReadBackShouldLetTheUpgradeStartAmber(TestDatabase db) {
        Operator op = deployedOldest(db);
        BackupResult backup = backup(db);

        UpgradeResult result = op.upgrade(ProgressListener.NONE, BackupPolicy.defaults());

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(backupCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(backupCheck(result).evidence()).startsWith(backup.files().dump().toString())
                .contains("never restore-tested");
        assertThat(backupCheck(result).fix()).containsExactly(
                new NextAction.RestoreTest(backup.files().dump().toString()));
    }

    @Test
    void backupOlderThanTheMaximumAgeShouldNotCount(TestDatabase db) throws SQLException {
        Operator op = deployedOldest(db);
        backup(db);
        db.execute("UPDATE dbcreator_backup SET finished_at = NOW(3) - INTERVAL 25 HOUR");

        assertThatThrownBy(() -> op.upgrade(ProgressListener.NONE, BackupPolicy.defaults()))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_REQUIRED))
                .hasMessageContaining("was taken 25 h ago, longer ago than 24 h");

        UpgradeResult allowed = op.upgrade(ProgressListener.NONE, BackupPolicy.requireRecent(Duration.ofHours(48)));
        assertThat(allowed.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
    }

    @Test
    void backupAtAnotherSchemaReleaseShouldNotCount(TestDatabase db) throws SQLException {
        Operator op = deployedOldest(db);
        backup(db);
        db.execute("UPDATE dbcreator_backup SET schema_version = '3.9.0'");

        assertThatThrownBy(() -> op.upgrade(ProgressListener.NONE, BackupPolicy.defaults()))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_REQUIRED));
    }

    @Test
    void skippedBackupShouldBeRecordedWithWhoAndWhen(TestDatabase db) throws SQLException {
        Operator op = deployedOldest(db);

        UpgradeResult result = op.upgrade(ProgressListener.NONE, BackupPolicy.skip());

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(backupCheck(result).verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(db.rows("SELECT kind, schema_version, file FROM dbcreator_backup")).containsExactly("SKIPPED | 4.0.0 | null");
        assertThat(db.rows("SELECT recorded_by FROM dbcreator_backup").get(0))
                .contains(db.admin().user() + "@").contains(System.getProperty("user.name") + " on ");
        assertThat(db.number("SELECT TIMESTAMPDIFF(SECOND, finished_at, NOW(3)) FROM dbcreator_backup")).isBetween(0L, 60L);
    }
}
