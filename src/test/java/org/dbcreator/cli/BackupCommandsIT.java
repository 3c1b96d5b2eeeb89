package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** backup, backup verify, restore and the upgrade's backup options as an operator types them. */
@ExtendWith(TestDatabaseExtension.class)
class BackupCommandsIT {

    @TempDir
    Path folder;

    private static Path onlyDump(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".sql.gz")).findFirst().orElseThrow();
        }
    }

    private static void assertSucceeded(DbCreatorCli.Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    private static final String SCRATCH_DATABASES =
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dbcreator\\_verify\\_%'";

    @Test
    void backupVerifyAndRestoreShouldTellWhatTheyDid(TestDatabase db, TestDatabase copy) throws IOException, SQLException {
        assertSucceeded(DbCreatorCli.run(db.admin(), "deploy"));

        DbCreatorCli.Result backup = DbCreatorCli.run(db.admin(), "backup", "--to", folder.toString());
        assertSucceeded(backup);
        assertThat(backup.out()).contains("Backing up " + db.name(), "one consistent snapshot", "dbcreator_history",
                "BACKED UP: " + db.name(), "manifest  " + folder, "restored  into a scratch database",
                "every table's rows and content checksum match the manifest", "recorded  in dbcreator_backup",
                "as restore-tested");
        assertThat(db.rows("SELECT verification FROM dbcreator_backup")).containsExactly("RESTORE_TEST");
        Path dump = onlyDump(folder);

        DbCreatorCli.Result verify = DbCreatorCli.run(Map.of(), "backup", "verify", dump.toString());
        assertSucceeded(verify);
        assertThat(verify.out()).contains("VERIFIED: " + dump, "DatabaseCreator backup", "complete", "manifest  matches");

        DbCreatorCli.Result restore = DbCreatorCli.run(copy.admin(), "restore", dump.toString(), "--into", copy.name());
        assertSucceeded(restore);
        assertThat(restore.out()).contains("RESTORED: " + dump + " into " + copy.name(),
                "every table's rows and content checksum match the manifest");
    }

    @Test
    void restoreTestShouldUseAScratchDatabaseAndRecordTheTest(TestDatabase db) throws Exception {
        assertSucceeded(DbCreatorCli.run(db.admin(), "deploy"));
        List<String> scratchBefore = db.column(SCRATCH_DATABASES, "SCHEMA_NAME");
        DbCreatorCli.Result untested = DbCreatorCli.run(db.admin(), "backup", "--to", folder.toString(), "--no-restore-test");
        assertSucceeded(untested);
        assertThat(untested.out()).contains("restored  no: the restore test was skipped", "as read back only");
        assertThat(db.rows("SELECT verification FROM dbcreator_backup")).containsExactly("FILE");

        DbCreatorCli.Result before = DbCreatorCli.run(db.admin(), "backup", "verify", onlyDump(folder).toString());
        assertThat(before.exitCode()).as("connection options before 'verify' would be ignored").isEqualTo(2);
        assertThat(before.err()).contains("after it");

        DbCreatorCli.Result verify = DbCreatorCli.run(Map.of("DBCREATOR_PASSWORD", db.admin().password().reveal()), "backup",
                "verify", onlyDump(folder).toString(), "--restore-test", "--host", db.admin().host(), "--port",
                String.valueOf(db.admin().port()), "--user", db.admin().user(), "--database", db.name());

        assertSucceeded(verify);
        assertThat(verify.out()).contains("Restoring into the scratch database 'dbcreator_verify_", "Dropped the scratch",
                "restored  into a scratch database", "recorded  as restore-tested");
        assertThat(db.rows("SELECT verification FROM dbcreator_backup")).containsExactly("RESTORE_TEST");
        assertThat(db.column(SCRATCH_DATABASES, "SCHEMA_NAME")).as("only scratch databases other runs left, if any")
                .isSubsetOf(scratchBefore);
    }

    @Test
    void upgradeShouldNeedABackupAndOfferBothWays(TestDatabase db) throws SQLException {
        assertSucceeded(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0"));
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result refused = DbCreatorCli.run(db.admin(), "upgrade");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(75);
        assertThat(refused.out()).contains("FAIL Backup", "--target 4.3.0 --backup-to DIR", "--target 4.3.0 --skip-backup");
        assertThat(refused.err()).contains("error BACKUP_REQUIRED:", "-> Take a backup within the upgrade: dbcreator"
                + " upgrade --host " + db.admin().host(), "--skip-backup");
        assertThat(Footprint.of(db)).isEqualTo(before);

        DbCreatorCli.Result both = DbCreatorCli.run(db.admin(), "upgrade", "--backup-to", folder.toString(), "--skip-backup");
        assertThat(both.exitCode()).as(both.all()).isEqualTo(2);

        DbCreatorCli.Result withBackup = DbCreatorCli.run(db.admin(), "upgrade", "--backup-to", folder.toString());
        assertSucceeded(withBackup);
        assertThat(withBackup.out()).contains("Backup taken and proved restorable: " + folder, "APPLIED: upgrade");
    }

    @Test
    void upgradeWithSkipShouldSayItIsRecorded(TestDatabase db) throws SQLException {
        assertSucceeded(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0"));

        DbCreatorCli.Result skipped = DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup");

        assertSucceeded(skipped);
        assertThat(skipped.out()).contains("warn Backup", "recorded as skipped by", "APPLIED: upgrade");
        assertThat(db.rows("SELECT kind FROM dbcreator_backup")).containsExactly("SKIPPED");
    }

    @Test
    void badInputShouldGetTheBackupExitCodes(TestDatabase db, TestDatabase other) throws IOException, SQLException {
        assertSucceeded(DbCreatorCli.run(db.admin(), "deploy"));
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        DbCreatorCli.Result unwritable = DbCreatorCli.run(db.admin(), "backup", "--to", notAFolder.toString());
        assertThat(unwritable.exitCode()).as(unwritable.all()).isEqualTo(76);
        assertThat(unwritable.err()).contains("error BACKUP_DESTINATION_UNWRITABLE:", "Pick a folder");

        assertSucceeded(DbCreatorCli.run(db.admin(), "backup", "--to", folder.resolve("b").toString()));
        Path dump = onlyDump(folder.resolve("b"));
        Path cut = folder.resolve("cut.sql.gz");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(dump), 100));
        DbCreatorCli.Result damaged = DbCreatorCli.run(Map.of(), "backup", "verify", cut.toString());
        assertThat(damaged.exitCode()).as(damaged.all()).isEqualTo(78);
        assertThat(damaged.err()).contains("error BACKUP_DAMAGED:", "cut short");

        DbCreatorCli.Result notEmpty = DbCreatorCli.run(db.admin(), "restore", dump.toString(), "--into", db.name());
        assertThat(notEmpty.exitCode()).as(notEmpty.all()).isEqualTo(79);
        assertThat(notEmpty.err()).contains("error RESTORE_TARGET_NOT_EMPTY:", "dbcreator_state", "view vm_view", "--replace");

        other.create();
        other.execute("CREATE TABLE scratch (id INT)");
        DbCreatorCli.Result replaced = DbCreatorCli.run(other.admin(), "restore", dump.toString(), "--into", other.name(),
                "--replace");
        assertSucceeded(replaced);
        assertThat(replaced.out()).contains("Replacing '" + other.name() + "': dropping 1 table", "scratch", "These are lost");
    }

    @Test
    void statusShouldShowTheBackupCheckOfTheDueUpgrade(TestDatabase db) {
        assertSucceeded(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.0.0"));

        DbCreatorCli.Result status = DbCreatorCli.run(db.admin(), "status");

        assertSucceeded(status);
        assertThat(status.out()).contains("Checks", "before the upgrade", "FAIL Backup", "No verified backup");
    }
}
