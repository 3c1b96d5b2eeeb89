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
import org.dbcreator.engine.HaltingRun;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.NodeStatus;
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
        // the history names a data migration by its class; the page by the migration's own words
        assertThat(status.history()).filteredOn(a -> a.script().equals("org.dbcreator.demo.BackfillEventSeverity"))
                .singleElement().extracting(status::stepName)
                .isEqualTo("backfill event.severity from event.level (BackfillEventSeverity)");
        assertThat(status.history()).filteredOn(a -> a.script().equals("4.1.0/expand.sql"))
                .singleElement().extracting(status::stepName).isEqualTo("4.1.0/expand.sql");
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

    @Test
    void aCleanDatabaseBehindItsTargetShouldJudgeItsNodeAgainstTheNewestReleaseItAllows() throws Exception {
        deploy();
        DemoNode node = startNode("ops-1", CATALOG.baselineVersion());
        try {
            connectPage(db.admin()).connect();
            StatusViewModel status = statusPage();
            assertThat(errors).isEmpty();
            List<String> state = db.rows("SELECT CONCAT(phase, ' ', schema_version, ' ', highest_release) FROM dbcreator_state");
            assertThat(state).containsExactly("CLEAN " + CATALOG.baselineVersion() + " " + CATALOG.baselineVersion());
            assertThat(db.rows("SELECT CONCAT(name, ' ', version, ' ', state) FROM mshost"))
                    .containsExactly("ops-1 " + CATALOG.baselineVersion() + " Up");
            assertThat(status.nodes()).singleElement().satisfies(n -> {
                assertThat(n.name()).isEqualTo("ops-1");
                assertThat(n.verdict()).isEqualTo(NodeStatus.Verdict.READY); // not told to restart on a release not yet expanded to
            });
            assertThat(status.nodesSummaryProperty().get()).isEqualTo("One node: 1 live, 0 stale, 0 down. Every live node runs "
                    + CATALOG.baselineVersion() + ", the newest release the schema allows.");
            assertThat(status.rangeProperty().get()).isEqualTo("Nodes of release " + CATALOG.baselineVersion() + " may run now.");
            assertThat(sidebar()).containsExactly("CONNECT DONE", "STATUS CURRENT", "BACKUP NEXT", "EXPAND TODO",
                    "RESTART_NODES LOCKED", "CLEANUP LOCKED", "DONE TODO");
        } finally {
            node.stop();
        }
    }

    @Test
    void anExpandCutShortByADeadProcessShouldBeAResumeCallToAction() throws Exception {
        deploy();
        halt("upgrade", 2);
        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDING " + CATALOG.latestVersion());
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_failure")).isZero(); // nothing refused: the process died
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        assertThat(status.sentenceProperty().get()).isEqualTo("An expand from " + CATALOG.baselineVersion() + " to "
                + CATALOG.latestVersion() + " stopped half way: resume it. Nodes of " + CATALOG.baselineVersion()
                + " keep working meanwhile.");
        assertThat(status.nextActionProperty().get()).isInstanceOfSatisfying(NextAction.Resume.class, resume -> {
            assertThat(resume.fixRefusedStatementFirst()).isFalse();
            assertThat(resume.target()).isEqualTo(CATALOG.latestVersion());
        });
        assertThat(status.interruptedProperty().get()).startsWith("Resume the interrupted expand to " + CATALOG.latestVersion()
                + ": it goes on where it stopped.");
        assertThat(status.nextActionCommandProperty().get()).startsWith("dbcreator upgrade ");
        assertThat(sidebar()).containsExactly("CONNECT DONE", "STATUS CURRENT", "BACKUP DONE", "EXPAND NEXT",
                "RESTART_NODES LOCKED", "CLEANUP LOCKED", "DONE TODO");
    }

    @Test
    void anExpandedDatabaseWithNodesOfTheOldReleaseShouldKeepTheCleanupGateShut() throws Exception {
        deploy();
        List<DemoNode> nodes = List.of(startNode("ops-1", CATALOG.baselineVersion()), startNode("ops-2", CATALOG.baselineVersion()));
        try {
            try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
                engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
            }
            connectPage(db.admin()).connect();
            StatusViewModel status = statusPage();
            assertThat(errors).isEmpty();
            assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDED");
            assertThat(db.rows("SELECT CONCAT(name, ' ', version) FROM mshost WHERE state = 'Up' ORDER BY name"))
                    .containsExactly("ops-1 " + CATALOG.baselineVersion(), "ops-2 " + CATALOG.baselineVersion());
            assertThat(status.nodes()).extracting(NodeStatus::name).containsExactlyInAnyOrder("ops-1", "ops-2");
            assertThat(status.nodes()).extracting(NodeStatus::verdict).containsOnly(NodeStatus.Verdict.WAITING);
            assertThat(status.nodesSummaryProperty().get()).isEqualTo("2 nodes: 2 live, 0 stale, 0 down. Cleanup to "
                    + CATALOG.latestVersion() + ": 2 nodes keep it shut.");
            assertThat(status.rangeProperty().get()).isEqualTo("Nodes of release " + CATALOG.baselineVersion() + " to "
                    + CATALOG.latestVersion() + " may run now.");
            assertThat(sidebar()).containsExactly("CONNECT DONE", "STATUS CURRENT", "BACKUP DONE", "EXPAND DONE",
                    "RESTART_NODES NEXT", "CLEANUP LOCKED", "DONE TODO");
        } finally {
            nodes.forEach(DemoNode::stop);
        }
    }

    @Test
    void aCleanupCutShortByADeadProcessShouldBeAResumeCallToAction() throws Exception {
        deploy();
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
        halt("cleanup", 1);
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("CLEANING");
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        assertThat(status.sentenceProperty().get()).isEqualTo("A cleanup to " + CATALOG.latestVersion()
                + " is under way or stopped half way: resume it to finish.");
        assertThat(status.nextActionProperty().get()).isInstanceOfSatisfying(NextAction.Resume.class,
                resume -> assertThat(resume.target()).isEqualTo(CATALOG.latestVersion()));
        assertThat(status.interruptedProperty().get()).startsWith("Resume the interrupted cleanup to ");
        assertThat(sidebar()).containsExactly("CONNECT DONE", "STATUS CURRENT", "BACKUP DONE", "EXPAND DONE",
                "RESTART_NODES DONE", "CLEANUP NEXT", "DONE TODO");
    }

    @Test
    void aDatabaseAtItsTargetShouldSayThereIsNothingToDo() throws Exception {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.latestVersion()));
        }
        DemoNode node = startNode("ops-1", CATALOG.latestVersion());
        try {
            connectPage(db.admin()).connect();
            StatusViewModel status = statusPage();
            assertThat(errors).isEmpty();
            assertThat(db.rows("SELECT CONCAT(phase, ' ', schema_version) FROM dbcreator_state"))
                    .containsExactly("CLEAN " + CATALOG.latestVersion());
            assertThat(status.sentenceProperty().get()).isEqualTo("The schema is at " + CATALOG.latestVersion()
                    + ", the newest release this catalog knows: nothing to do.");
            assertThat(status.hops()).isEmpty();
            assertThat(status.nextActionProperty().get()).isInstanceOf(NextAction.Nothing.class);
            assertThat(status.nextActionCommandProperty().get()).isEmpty();
            assertThat(status.rangeProperty().get()).isEqualTo("Nodes of release " + CATALOG.latestVersion() + " may run now.");
            assertThat(status.nodesSummaryProperty().get()).isEqualTo("One node: 1 live, 0 stale, 0 down. Every live node runs "
                    + CATALOG.latestVersion() + ", the newest release the schema allows.");
            assertThat(sidebar()).containsExactly("CONNECT DONE", "STATUS CURRENT", "BACKUP DONE", "EXPAND DONE",
                    "RESTART_NODES DONE", "CLEANUP DONE", "DONE DONE");
        } finally {
            node.stop();
        }
    }

    @Test
    void aDatabaseOfSomeoneElsesTablesShouldBeLeftAloneAndLockEveryWrite() throws Exception {
        db.create();
        db.execute("CREATE TABLE invoices (id INT PRIMARY KEY, total DECIMAL(10,2))");
        connectPage(db.admin()).connect();
        StatusViewModel status = statusPage();
        assertThat(errors).isEmpty();
        assertThat(db.rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db.name() + "'"))
                .containsExactly("invoices");
        assertThat(status.sentenceProperty().get()).isEqualTo("The database " + db.name()
                + " holds tables DatabaseCreator does not manage: it changes nothing there.");
        assertThat(status.nodes()).isEmpty();
        assertThat(status.history()).isEmpty();
        assertThat(status.rangeProperty().get()).startsWith("No node release may run yet");
        assertThat(sidebar()).containsExactly("CONNECT DONE", "STATUS CURRENT", "BACKUP LOCKED", "EXPAND LOCKED",
                "RESTART_NODES LOCKED", "CLEANUP LOCKED", "DONE TODO");
        assertThat(org.dbcreator.ui.app.JourneySteps.of(Journey.DEPLOY, Optional.of(Journey.Step.STATUS), true,
                Optional.of(read.get(0))).get(2).reason()).contains("does not manage");
    }

    @Test
    void aLockHeldByAnotherProcessShouldBeShownWithItsHolder() throws Exception {
        deploy();
        ConnectionSettings admin = db.admin();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), admin.host(), String.valueOf(admin.port()),
                admin.user(), db.name(), "bob@night-shift (upgrade on build-9)");
        builder.environment().put("DBCREATOR_PASSWORD", admin.password().reveal());
        Process other = builder.redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the other process took the lock").isEqualTo("held");
            try (DbCreator engine = DbCreator.connect(CATALOG, admin, ProgressListener.NONE)) {
                assertThat(AdvisoryLock.holder(engine.database())).get().asString().contains("bob@night-shift");
            }
            connectPage(admin).connect();
            StatusViewModel status = statusPage();
            assertThat(errors).isEmpty();
            assertThat(status.checks()).filteredOn(c -> c.id() == PreflightCheck.Id.OPERATOR_LOCK)
                    .extracting(PreflightCheck::verdict).containsExactly(PreflightCheck.Verdict.RED);
            assertThat(status.lockHeldProperty().get()).startsWith("Another operator is at work: Locked by ")
                    .contains("bob@night-shift (upgrade on build-9)").contains("Wait until ");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(other.exitValue()).isZero();
        assertThat(statusPage().lockHeldProperty().get()).isEmpty(); // the process ended: read again, nobody holds it
    }

    @Test
    void anotherProcesssRunningExpandShouldBeFollowedWithItsProgressFromTheJournal() throws Exception {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new org.dbcreator.engine.SampleSize(200,
                    org.dbcreator.engine.SampleSize.DEFAULT_SEED));
        }
        ConnectionSettings admin = db.admin();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RunningExpand.class.getName(), admin.host(), String.valueOf(admin.port()),
                admin.user(), db.name());
        builder.environment().put("DBCREATOR_PASSWORD", admin.password().reveal());
        Process other = builder.redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        StatusViewModel status;
        try {
            String line = out.readLine();
            while (line != null && !line.startsWith("paused ")) {
                line = out.readLine();
            }
            assertThat(line).as("the other process paused inside its expand's data migration").startsWith("paused ");
            connectPage(admin).connect();
            status = new StatusViewModel(service, executor, navigation, read::add);
            status.load(connected.get(connected.size() - 1));
            assertThat(errors).isEmpty();
            // what the server says: the run under way, its target and its newest journal row
            String runId = db.rows("SELECT run_id FROM dbcreator_state").get(0);
            assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                    .containsExactly("EXPANDING " + CATALOG.latestVersion());
            List<String> newest = db.rows("SELECT CONCAT(script, '|', statement_index, '|', outcome) FROM dbcreator_journal"
                    + " WHERE run_id = '" + runId + "' ORDER BY COALESCE(finished_at, started_at) DESC, statement_index DESC LIMIT 1");
            String[] row = newest.get(0).split("\\|");
            assertThat(line).isEqualTo("paused " + row[0] + " " + row[1]); // the batch it paused after is the newest row
            assertThat(row[2]).isEqualTo("DONE");
            assertThat(status.lockHeldProperty().get()).startsWith("Another operator is at work: ");
            assertThat(status.interruptedProperty().get()).isEmpty(); // alive in the other process: nothing to resume
            // the migration the journal names by class, named by its description
            String migration = ((org.dbcreator.engine.DataMigration) Class.forName(row[0]).getDeclaredConstructor()
                    .newInstance()).description();
            assertThat(status.otherRunProperty().get())
                    .startsWith("Its run (expand to " + CATALOG.latestVersion() + ") is at " + migration + " batch "
                            + (Integer.parseInt(row[1]) + 1) + " (done), written ")
                    .endsWith(" ago, as its journal says.").doesNotContain("Resume");
            assertThat(status.sentenceProperty().get()).isEqualTo("Another operator's expand to " + CATALOG.latestVersion()
                    + " is under way in its own process: this page reads its journal every few seconds.");
            assertThat(status.primaryActionProperty().get()).isEqualTo(StatusViewModel.Primary.REFRESH);
            assertThat(status.primaryLabel().get()).isEqualTo(org.dbcreator.ui.app.Messages.get("status.primary"));
            assertThat(status.isFollowing()).isTrue();
            assertThat(executor.repeating()).isEqualTo(1);
            executor.tick(); // a few seconds later: read again, still held, still the same journal row
            assertThat(status.isFollowing()).isTrue();
            assertThat(status.statusProperty().get().otherRun()).get()
                    .satisfies(run -> assertThat(run.newest().get().script()).isEqualTo(row[0]));
            status.close(); // the page is left: no more reads
            assertThat(status.isFollowing()).isFalse();
            assertThat(executor.repeating()).isZero();
            status.load(connected.get(connected.size() - 1)); // shown again: it follows again
            assertThat(status.isFollowing()).isTrue();
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(other.exitValue()).isZero();
        assertThat(new String(other.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("finished");
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDED");
        executor.tick(); // the next read: the lock is released and the expand done, so the page stops following
        assertThat(errors).isEmpty();
        assertThat(status.isFollowing()).isFalse();
        assertThat(executor.repeating()).isZero();
        assertThat(status.lockHeldProperty().get()).isEmpty();
        assertThat(status.interruptedProperty().get()).isEmpty();
        assertThat(status.otherRunProperty().get()).isEmpty();
        assertThat(status.statusProperty().get().report().phase()).contains(org.dbcreator.history.Phase.EXPANDED);
        assertThat(status.statusProperty().get().otherRun()).isEmpty();
        // no node is registered, so the gate is open: the button leads to the Cleanup, as the sidebar does
        assertThat(sidebar()).contains("RESTART_NODES DONE", "CLEANUP NEXT");
        assertThat(status.primaryActionProperty().get()).isEqualTo(StatusViewModel.Primary.CLEANUP);
        assertThat(status.primaryLabel().get()).isEqualTo("Next: Cleanup");
    }

    /** The sidebar the window would draw on the Status page from the last status read, as "STEP MARK". */
    private List<String> sidebar() {
        return org.dbcreator.ui.app.JourneySteps.of(Journey.UPGRADE, org.dbcreator.ui.app.JourneySteps.stepOf(
                org.dbcreator.ui.app.Page.STATUS), true, Optional.of(read.get(read.size() - 1))).stream()
                .map(m -> m.step() + " " + m.mark()).toList();
    }

    private DemoNode startNode(String name, org.dbcreator.catalog.Version release) {
        return DbCreator.startNode(CATALOG, db.admin(), new DemoNode.Options(name, release, 5, java.time.Duration.ofSeconds(1)),
                write -> { });
    }

    /** Runs the upgrade or cleanup in another process that dies abruptly after {@code after} statements. */
    private void halt(String operation, int after) throws Exception {
        ConnectionSettings admin = db.admin();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HaltingRun.class.getName(), admin.host(), String.valueOf(admin.port()),
                admin.user(), db.name(), operation, String.valueOf(after)).redirectErrorStream(true);
        builder.environment().put("DBCREATOR_PASSWORD", admin.password().reveal());
        Process halted = builder.start();
        assertThat(halted.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(halted.exitValue()).as(new String(halted.getInputStream().readAllBytes())).isEqualTo(137);
    }

    private void deploy() {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()));
        }
    }
}
