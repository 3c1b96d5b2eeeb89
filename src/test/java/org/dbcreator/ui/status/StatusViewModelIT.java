package org.dbcreator.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.db.ProbeLayer;
import org.dbcreator.db.AdvisoryLock;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.ProbeReport;
import org.dbcreator.engine.PreflightCheck;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.connect.ConnectViewModel;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect and Status against a real server through the current-thread executor: the page shows
 * what the server holds, phase by phase, and a bad password reaches the banner with its code.
 */
class StatusViewModelIT {

    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    Path home;

    private final TestDatabase db = TestDatabase.unique();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<ConnectedDatabase> connected = new ArrayList<>();
    private final List<DatabaseStatus> read = new ArrayList<>();
    private EngineWizardService service;

    @AfterEach
    void drop() throws Exception {
        if (service != null) {
            service.close();
        }
        db.close();
    }

    private final Navigation navigation = new Navigation() {
        public void showWelcome() { }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { }
        public void connected(ConnectedDatabase database) { connected.add(database); }
        public void startDemo() { }
        public void showDeploy() { }
        public void showDone() { }
        public void showReport() { }
        public void showStatus() { }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
    };

    private ConnectViewModel connectPage(ConnectionSettings settings) {
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        ConnectViewModel page = new ConnectViewModel(service, new CurrentThreadExecutor(), navigation, "cloud");
        page.hostProperty().set(settings.host());
        page.portProperty().set(String.valueOf(settings.port()));
        page.databaseProperty().set(settings.database());
        page.userProperty().set(settings.user());
        page.passwordProperty().set(settings.password().reveal());
        return page;
    }

    private StatusViewModel statusPage() {
        StatusViewModel page = new StatusViewModel(service, new CurrentThreadExecutor(), navigation, read::add);
        page.load(connected.get(connected.size() - 1));
        return page;
    }

    @Test
    void aBadPasswordShouldFailTheSignInLayerWithAuthenticationFailed() throws Exception {
        db.create();
        ConnectionSettings user = db.createUser("SELECT");
        ConnectViewModel page = connectPage(user);
        page.passwordProperty().set("not-the-password");
        page.testConnection();
        assertThat(errors).isEmpty(); // an expected failure is a failed layer, not an exception
        ProbeReport probe = page.probeProperty().get();
        assertThat(probe.layer(ProbeLayer.Layer.REACHABLE)).get().extracting(ProbeLayer::status)
                .isEqualTo(ProbeLayer.Status.PASSED);
        assertThat(probe.firstFailure()).get().satisfies(failed -> {
            assertThat(failed.layer()).isEqualTo(ProbeLayer.Layer.AUTHENTICATED);
            assertThat(failed.failure()).contains(ErrorCode.AUTHENTICATION_FAILED);
        });
        assertThat(probe.layer(ProbeLayer.Layer.PRIVILEGES)).get().extracting(ProbeLayer::status)
                .isEqualTo(ProbeLayer.Status.SKIPPED);
        assertThat(page.testResultProperty().get()).startsWith("The Signed in layer failed: ");
        assertThat(connected).isEmpty();
    }

    @Test
    void anAbsentDatabaseShouldSayADeployCreatesIt() throws Exception {
        ConnectViewModel page = connectPage(db.admin());
        page.testConnection();
        try (java.sql.Connection c = db.server().adminConnection(); java.sql.ResultSet schemata = c.getMetaData().getCatalogs()) {
            List<String> databases = new java.util.ArrayList<>();
            while (schemata.next()) {
                databases.add(schemata.getString(1));
            }
            assertThat(databases).doesNotContain(db.name()); // the server has no such database: the probe says so
        }
        assertThat(page.probeProperty().get().layer(ProbeLayer.Layer.DATABASE)).get().satisfies(layer -> {
            assertThat(layer.status()).isEqualTo(ProbeLayer.Status.WARNING);
            assertThat(ConnectViewModel.layerLine(layer)).startsWith("Database: works, with a catch. There is no database '"
                    + db.name() + "'");
        });
        assertThat(page.probeProperty().get().operations()).extracting(a -> a.operation())
                .contains(ProbeReport.Operation.DEPLOY);
        page.connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        assertThat(status.sentenceProperty().get()).isEqualTo("The database " + db.name()
                + " does not exist yet: a deploy creates it at " + CATALOG.latestVersion() + ".");
        assertThat(status.nodes()).isEmpty();
        assertThat(status.nodesSummaryProperty().get()).contains("no node registry");
    }

    @Test
    void aCleanDatabaseShouldShowItsVersionPathChecksAndHistoryAsTheServerHoldsThem() throws Exception {
        deploy();
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        String schemaVersion = db.rows("SELECT schema_version FROM dbcreator_state WHERE id = 1").get(0);
        assertThat(status.versionsProperty().get()).isEqualTo(schemaVersion + "  \u2192  " + CATALOG.latestVersion());
        assertThat(status.sentenceProperty().get()).startsWith("The schema is at " + schemaVersion + "; "
                + CATALOG.latestVersion() + " is " + (CATALOG.versions().size() - 1) + " steps away.");
        assertThat(status.hops()).hasSize(CATALOG.versions().size() - 1).first().asString().startsWith(schemaVersion);
        assertThat(status.history()).extracting(a -> a.script())
                .containsExactlyInAnyOrderElementsOf(db.rows("SELECT script FROM dbcreator_history"));
        assertThat(status.checks()).extracting(PreflightCheck::id).contains(PreflightCheck.Id.BACKUP, PreflightCheck.Id.PRIVILEGES);
        assertThat(status.checks()).filteredOn(c -> c.id() == PreflightCheck.Id.BACKUP).extracting(PreflightCheck::verdict)
                .containsExactly(PreflightCheck.Verdict.RED);
        assertThat(status.checksHeadingProperty().get()).isEqualTo("Pre-flight checks of the expand");
        assertThat(status.nextActionProperty().get()).isInstanceOf(NextAction.Upgrade.class);
        assertThat(status.nextActionTextProperty().get()).isEqualTo("Upgrade from " + schemaVersion + " to "
                + CATALOG.latestVersion() + "; nodes of " + schemaVersion + " keep working.");
        assertThat(status.nextActionRefusedProperty().get()).isEmpty();
        assertThat(status.nextActionCommandProperty().get()).startsWith("dbcreator upgrade --host ")
                .endsWith(" --password-prompt --target " + CATALOG.latestVersion());
        assertThat(read).hasSize(1);
    }

    @Test
    void anExpandedDatabaseShouldSayBothReleasesWorkAndNameTheRange() throws Exception {
        deploy();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        List<String> state = db.rows("SELECT CONCAT(phase, ' ', lowest_release, ' ', highest_release) FROM dbcreator_state");
        assertThat(state).containsExactly("EXPANDED " + CATALOG.baselineVersion() + " " + CATALOG.latestVersion());
        assertThat(status.sentenceProperty().get()).isEqualTo("Expanded from " + CATALOG.baselineVersion() + " to "
                + CATALOG.latestVersion() + ": nodes of both releases work. Restart each node on "
                + CATALOG.latestVersion() + ", then clean up.");
        assertThat(status.rangeProperty().get()).isEqualTo("Nodes of release " + CATALOG.baselineVersion() + " to "
                + CATALOG.latestVersion() + " may run now.");
    }

    @Test
    void aRefusedStatementShouldBeAResumeCallToActionNamingWhereItStopped() throws Exception {
        deploy();
        db.execute("ALTER TABLE host ADD COLUMN uuid CHAR(36) NULL"); // the first expand's ALTER is refused: duplicate column
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.upgrade(Optional.empty(), false, BackupPolicy.skip()))
                    .isInstanceOf(DbCreatorException.class);
        }
        List<String> failure = db.rows("SELECT CONCAT(script, ' ', statement_line, ' ', error_code) FROM dbcreator_failure");
        assertThat(failure).singleElement().asString().startsWith("4.1.0/expand.sql ").endsWith(" 1060");
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDING");
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        assertThat(status.nextActionProperty().get()).isInstanceOfSatisfying(NextAction.Resume.class, resume -> {
            assertThat(resume.fixRefusedStatementFirst()).isTrue();
            assertThat(resume.target()).isEqualTo(CATALOG.latestVersion());
        });
        String line = failure.get(0).split(" ")[1];
        assertThat(status.interruptedProperty().get()).startsWith("The server refused a statement of the unfinished expand to "
                + CATALOG.latestVersion() + ": fix the cause it named, then resume. The server refused 4.1.0/expand.sql line "
                + line + " (statement 1): ").contains("uuid");
        assertThat(status.nextActionCommandProperty().get()).startsWith("dbcreator upgrade ")
                .endsWith("--target " + CATALOG.latestVersion());
    }

    @Test
    void anotherOperatorsRunShouldBeShownWithItsHolder() throws Exception {
        deploy();
        try (DbCreator other = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE);
                AdvisoryLock held = AdvisoryLock.acquire(other.database(), "upgrade", "alice@ops (upgrade on build-7)")) {
            assertThat(AdvisoryLock.holder(other.database())).get().asString().contains("alice@ops");
            connectPage(db.admin()).connect();
            StatusViewModel status = statusPage();
            assertThat(errors).isEmpty();
            assertThat(status.checks()).filteredOn(c -> c.id() == PreflightCheck.Id.OPERATOR_LOCK)
                    .extracting(PreflightCheck::verdict).containsExactly(PreflightCheck.Verdict.RED);
            assertThat(status.lockHeldProperty().get()).startsWith("Another operator is at work: Locked by ")
                    .contains("alice@ops").contains("Wait until ");
        }
        StatusViewModel after = statusPage();
        assertThat(after.lockHeldProperty().get()).isEmpty(); // released: read again, nobody holds it
    }

    @Test
    void previewShouldListTheExpandsStatementsWithTheLintVerdictAndChangeNothing() throws Exception {
        deploy();
        List<String> stateBefore = db.rows("SELECT CONCAT(phase, ' ', schema_version) FROM dbcreator_state");
        long historyBefore = db.number("SELECT COUNT(*) FROM dbcreator_history");
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        status.preview();
        assertThat(errors).isEmpty();
        assertThat(status.previewLines().get(0)).startsWith("Expand safety (green): ");
        assertThat(status.previewLines()).contains("-- 4.1.0 expand: bundled catalog 4.1.0/expand.sql", "-- 4.1.0 migration: Java: backfill host.uuid")
                .anySatisfy(line -> assertThat(line).matches("line \\d+: ALTER TABLE host ADD COLUMN uuid CHAR\\(36\\) NULL.*"));
        assertThat(db.rows("SELECT CONCAT(phase, ' ', schema_version) FROM dbcreator_state")).isEqualTo(stateBefore);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_history")).isEqualTo(historyBefore);
        assertThat(db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = 'host' AND COLUMN_NAME = 'uuid'")).isZero();
    }

    @Test
    void aSelectOnlyAccountShouldReadTheWholeStatus() throws Exception {
        deploy();
        ConnectionSettings reader = db.createUser("SELECT");
        ConnectViewModel page = connectPage(reader);
        page.testConnection();
        List<String> grants = db.rows("SHOW GRANTS FOR '" + reader.user() + "'@'%'");
        assertThat(String.join(" ", grants)).contains("GRANT SELECT ON").doesNotContain("ALTER", "ALL PRIVILEGES");
        ProbeReport probe = page.probeProperty().get();
        assertThat(ConnectViewModel.journeyAccess(probe, Journey.UPGRADE)).extracting(a -> a.operation() + " " + a.allowed())
                .containsExactly("STATUS true", "BACKUP false", "UPGRADE false", "CLEANUP false");
        assertThat(ConnectViewModel.journeyAccess(probe, Journey.UPGRADE)).filteredOn(a -> a.operation() == ProbeReport.Operation.UPGRADE)
                .singleElement().satisfies(a -> assertThat(a.missing()).contains("ALTER", "CREATE").doesNotContain("SELECT"));
        assertThat(page.testResultProperty().get()).startsWith("Connected as ").contains("do not allow: Backup, Upgrade, Cleanup.");
        page.connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        assertThat(status.versionsProperty().get()).startsWith(CATALOG.baselineVersion() + "  \u2192  ");
        assertThat(status.history()).hasSize(db.rows("SELECT script FROM dbcreator_history").size());
        assertThat(status.checks()).filteredOn(c -> c.id() == PreflightCheck.Id.PRIVILEGES).extracting(PreflightCheck::verdict)
                .containsExactly(PreflightCheck.Verdict.RED);
        assertThat(status.checks()).filteredOn(c -> c.id() == PreflightCheck.Id.PRIVILEGES)
                .flatExtracting(PreflightCheck::fix).hasOnlyElementsOfType(NextAction.Grant.class);
        assertThat(status.nextActionProperty().get()).isInstanceOf(NextAction.Upgrade.class);
        assertThat(status.nextActionRefusedProperty().get()).startsWith("This account cannot start the expand: ")
                .contains("ALTER").contains("Grant ");
    }

    @Test
    void aProfileShouldConnectWithItsPasswordFileAndCarryItsEnvironmentLabel() throws Exception {
        deploy();
        ConnectionSettings reader = db.createUser("SELECT");
        java.nio.file.Path profiles = java.nio.file.Files.createDirectories(home.resolve("config/profiles"));
        java.nio.file.Files.writeString(profiles.resolve("reader.password"), reader.password().reveal() + "\n");
        java.nio.file.Files.writeString(profiles.resolve("prod.properties"), "host=" + reader.host() + "\nport="
                + reader.port() + "\ndatabase=" + reader.database() + "\nuser=" + reader.user()
                + "\npassword-file=reader.password\nenvironment=production\n");
        ConnectViewModel page = connectPage(reader);
        page.open(Journey.INSPECT, Optional.empty());
        page.profileProperty().set(page.profiles().get(0));
        assertThat(page.passwordProperty().get()).isEmpty();
        page.connect();
        assertThat(errors).isEmpty();
        assertThat(connected).singleElement().satisfies(c -> {
            assertThat(c.environment()).contains("production");
            assertThat(c.profile()).contains("prod");
            assertThat(c.user()).isEqualTo(reader.user());
        });
    }

    private void deploy() {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()));
        }
    }
}
