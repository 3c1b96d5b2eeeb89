package org.dbcreator.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.ConnectionRequest;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.dbcreator.ui.status.StatusViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Backup page against a real server: an old release of the demo catalog with sample rows is
 * backed up, read back and restore-tested, as the history then says; the admin's own backup needs
 * the database's name typed, is recorded, and Status shows it amber, never green.
 */
class BackupViewModelIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final long SAMPLE_ROWS = 3_000;

    @TempDir
    Path home;
    @TempDir
    Path backups;

    private final TestDatabase db = TestDatabase.unique();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();
    private EngineWizardService service;

    private final Navigation navigation = new Navigation() {
        public void showWelcome() { }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { }
        public void connected(ConnectedDatabase database) { }
        public void startDemo() { }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
        @Override
        public void showExpand() { pages.add("expand"); }
    };

    @BeforeEach
    void deployOldReleaseWithSampleRows() {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(SAMPLE_ROWS, SampleSize.DEFAULT_SEED));
        }
        ConnectionSettings s = db.admin();
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        service.connect(new ConnectionRequest(s.host(), s.port(), s.database(), s.user(), s.password(), s.tlsMode(),
                s.caFile(), Optional.empty()));
    }

    @AfterEach
    void drop() throws Exception {
        service.close();
        db.close();
    }

    private BackupViewModel page() {
        BackupViewModel page = new BackupViewModel(service, new CurrentThreadExecutor(), navigation);
        page.open(service.status());
        return page;
    }

    private PreflightCheck backupCheck() {
        return service.status().report().checks().orElseThrow().checks().stream()
                .filter(c -> c.id() == PreflightCheck.Id.BACKUP).findFirst().orElseThrow();
    }

    private static final String SCRATCH_DATABASES =
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dbcreator\\_verify\\_%'";

    @Test
    void aBackupShouldBeWrittenReadBackAndRestoreTestedAsTheHistoryRecords() throws Exception {
        List<String> scratchBefore = db.column(SCRATCH_DATABASES, "SCHEMA_NAME");
        BackupViewModel page = page();
        assertThat(page.restoreTestProperty().get()).as("the restore test is on by default").isTrue();
        assertThat(page.recentBackupProperty().get()).as("no backup recorded yet").isEmpty();
        page.destinationProperty().set(backups.resolve("new-folder").toString());
        assertThat(page.freeSpaceProperty().get()).endsWith(" free there");

        page.primary();

        assertThat(errors).isEmpty();
        assertThat(page.stateProperty().get()).isEqualTo(BackupViewModel.State.DONE);
        List<String> recorded = db.rows("SELECT CONCAT(kind, ' ', verification, ' ', schema_version) FROM dbcreator_backup");
        assertThat(recorded).containsExactly("BACKUP RESTORE_TEST " + CATALOG.baselineVersion());
        String file = db.rows("SELECT file FROM dbcreator_backup").get(0);
        assertThat(Path.of(file)).exists().startsWith(backups.resolve("new-folder"));
        assertThat(page.summaryProperty().get()).startsWith("Backup written: " + file + " (")
                .contains("restored into a scratch database and compared");
        long bytes = db.number("SELECT file_bytes FROM dbcreator_backup");
        assertThat(Files.size(Path.of(file))).isEqualTo(bytes);
        // every table of the product, each with the rows the server holds
        List<String> productTables = db.column("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = '"
                + db.name() + "' AND table_type = 'BASE TABLE'", "t");
        assertThat(page.tables()).extracting(BackupRow::name).containsExactlyInAnyOrderElementsOf(productTables);
        assertThat(page.tables()).allSatisfy(r -> assertThat(r.mark()).isEqualTo(BackupRow.Mark.DONE));
        long events = db.number("SELECT COUNT(*) FROM event");
        assertThat(events).isPositive();
        assertThat(page.tables()).filteredOn(r -> r.name().equals("event")).singleElement()
                .satisfies(r -> assertThat(r.rows()).isEqualTo(events));
        assertThat(page.verification()).extracting(BackupRow::mark).containsExactly(BackupRow.Mark.DONE, BackupRow.Mark.DONE);
        assertThat(db.column(SCRATCH_DATABASES, "SCHEMA_NAME")).as("the restore test's scratch database is dropped"
                + " (others' left behind, if any, are not this test's)").isSubsetOf(scratchBefore);
        assertThat(backupCheck().verdict()).isEqualTo(PreflightCheck.Verdict.GREEN);

        page.primary();
        assertThat(pages).containsExactly("expand");
    }

    @Test
    void aRecentVerifiedBackupInTheHistoryShouldLetTheAdminGoOnWithoutANewOne() throws Exception {
        page().backUp();
        BackupViewModel reopened = page();
        assertThat(reopened.recentBackupProperty().get()).startsWith("The history holds a recent backup proved restorable: ")
                .contains(db.rows("SELECT file FROM dbcreator_backup").get(0));
        reopened.useRecentBackup();
        assertThat(pages).containsExactly("expand");
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_backup")).as("no second backup").isEqualTo(1);
    }

    @Test
    void theAdminsOwnBackupShouldNeedTheTypedNameAndShowAmberNeverGreen() throws Exception {
        BackupViewModel page = page();
        assertThat(backupCheck().verdict()).isEqualTo(PreflightCheck.Verdict.RED);
        page.typedNameProperty().set(db.name() + "x");
        assertThat(page.ownBackupConfirmableProperty().get()).isFalse();
        page.recordOwnBackup();
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_backup")).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.recordOwnBackup("cloud"))
                .isInstanceOfSatisfying(DbCreatorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_backup")).as("a wrong name records nothing").isZero();

        page.typedNameProperty().set(db.name());
        assertThat(page.ownBackupConfirmableProperty().get()).isTrue();
        page.recordOwnBackup();

        assertThat(errors).isEmpty();
        assertThat(db.rows("SELECT CONCAT(kind, ' ', verification, ' ', schema_version) FROM dbcreator_backup"))
                .containsExactly("SKIPPED OPERATOR " + CATALOG.baselineVersion());
        assertThat(db.rows("SELECT recorded_by FROM dbcreator_backup").get(0)).startsWith("root@");
        assertThat(page.ownBackupRecordedProperty().get()).contains(db.name()).contains("amber");
        PreflightCheck check = backupCheck();
        assertThat(check.verdict()).isEqualTo(PreflightCheck.Verdict.AMBER);
        assertThat(check.evidence()).contains("a backup of their own").contains("neither seen nor verified");
        // Status shows it amber: the page's checks are the server's
        StatusViewModel status = new StatusViewModel(service, new CurrentThreadExecutor(), navigation, s -> { });
        status.load(service.connect(request()));
        assertThat(status.checks()).filteredOn(c -> c.id() == PreflightCheck.Id.BACKUP)
                .extracting(PreflightCheck::verdict).containsExactly(PreflightCheck.Verdict.AMBER);
        assertThat(page().recentBackupProperty().get()).startsWith("The history holds a recent backup the expand accepts");
        page.primary();
        assertThat(pages).containsExactly("expand");
    }

    private ConnectionRequest request() {
        ConnectionSettings s = db.admin();
        return new ConnectionRequest(s.host(), s.port(), s.database(), s.user(), s.password(), s.tlsMode(), s.caFile(),
                Optional.empty());
    }
}
