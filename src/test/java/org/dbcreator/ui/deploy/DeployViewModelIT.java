package org.dbcreator.ui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.demo.DemoSampleData;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.app.UiExecutor;
import org.dbcreator.ui.done.DoneSummary;
import org.dbcreator.ui.done.DoneViewModel;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.ConnectionRequest;
import org.dbcreator.ui.service.DatabaseStatus;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Deploy page against a real server through a current-thread executor: a deploy into a new
 * database with sample rows lands on Done with the tables and rows the server then holds; a
 * cancel between two batches leaves an interrupted deploy that the page describes as the server
 * does, and that a second deploy finishes with exactly the rows an uninterrupted one writes.
 */
class DeployViewModelIT {

    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    Path home;

    private final TestDatabase db = TestDatabase.unique();
    private final List<String> visited = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private EngineWizardService service;
    private ConnectedDatabase connected;

    @AfterEach
    void drop() throws Exception {
        if (service != null) {
            service.close();
        }
        db.close();
    }

    private final Navigation navigation = new Navigation() {
        public void showWelcome() { visited.add("welcome"); }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { visited.add("connect"); }
        public void connected(ConnectedDatabase database) { visited.add("connected"); }
        public void startDemo() { visited.add("demo"); }
        public void showDeploy() { visited.add("deploy"); }
        public void showDone() { visited.add("done"); }
        public void showReport() { visited.add("report"); }
        public void showStatus() { visited.add("status"); }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
    };

    /** Hands every UI-thread task over one at a time (the coalescer calls from two threads), then runs {@code after}. */
    private static UiExecutor serialized(Runnable after) {
        CurrentThreadExecutor direct = new CurrentThreadExecutor();
        Object lock = new Object();
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
                direct.run(work, result -> {
                    synchronized (lock) {
                        succeeded.accept(result);
                    }
                }, failure -> {
                    synchronized (lock) {
                        failed.accept(failure);
                    }
                });
            }

            @Override
            public void onUiThread(Runnable task) {
                synchronized (lock) {
                    task.run();
                    after.run();
                }
            }
        };
    }

    private DeployViewModel deployPage(UiExecutor executor) {
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        ConnectionSettings admin = db.admin();
        connected = service.connect(new ConnectionRequest(admin.host(), admin.port(), admin.database(), admin.user(),
                admin.password(), admin.tlsMode(), Optional.empty(), Optional.empty()));
        DeployViewModel page = new DeployViewModel(service, executor, navigation);
        page.open(connected);
        return page;
    }

    @Test
    void aDeployIntoANewDatabaseWithSampleRowsShouldLandOnDoneWithTheRowsTheServerHolds() throws Exception {
        DeployViewModel page = deployPage(serialized(() -> { }));
        Version release = CATALOG.latestVersion();
        assertThat(page.releaseProperty().get()).isEqualTo(release);
        page.withSampleProperty().set(true);
        page.sampleRowsProperty().set("1000");
        try (java.sql.Connection c = db.server().adminConnection(); java.sql.ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db.name() + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the database is absent before the deploy").isZero();
        }

        page.deploy();

        assertThat(errors).isEmpty();
        assertThat(visited).containsExactly("done");
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(db.rows("SELECT CONCAT(schema_version, ' ', phase) FROM dbcreator_state WHERE id = 1"))
                .containsExactly(release + " CLEAN");
        assertThat(db.column("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + db.name() + "'",
                "TABLE_NAME")).contains("mshost", "data_center", "account", "host", "vm_instance", "event", "usage_event");
        assertThat(db.number("SELECT COUNT(*) FROM event")).isEqualTo(1000);
        assertThat(db.number("SELECT COUNT(*) FROM usage_event")).isEqualTo(1000);
        long written = db.number("SELECT (SELECT COUNT(*) FROM data_center) + (SELECT COUNT(*) FROM account)"
                + " + (SELECT COUNT(*) FROM host) + (SELECT COUNT(*) FROM vm_instance) + (SELECT COUNT(*) FROM event)"
                + " + (SELECT COUNT(*) FROM usage_event)");
        assertThat(page.sampleTotalProperty().get()).isEqualTo("The sample writes " + String.format("%,d", written)
                + " rows over all tables.");
        long scripts = db.number("SELECT COUNT(*) FROM dbcreator_history WHERE operation = 'deploy'");
        assertThat(page.outcomeProperty().get()).startsWith("Deployed " + release + " into " + db.name() + ": "
                + scripts + " scripts in ");
        assertThat(page.logLines()).anyMatch(l -> l.startsWith("Script 1 of " + scripts + ":"));
        // the sample data the server recorded is named in the log by its description, never its class
        assertThat(db.rows("SELECT script FROM dbcreator_history WHERE kind = 'SAMPLE_DATA'"))
                .containsExactly(DemoSampleData.class.getName());
        assertThat(page.logLines()).anyMatch(l -> l.startsWith("Script 2 of " + scripts + ": sample data: "
                + new DemoSampleData().description() + " (1000 rows, seed ") && l.endsWith(") (DemoSampleData)"));
        assertThat(page.logLines()).noneMatch(l -> l.contains("org.dbcreator.demo."));

        List<DatabaseStatus> read = new ArrayList<>();
        DoneViewModel done = new DoneViewModel(service, new CurrentThreadExecutor(), navigation, read::add);
        done.load(connected);
        DoneSummary summary = done.summaryProperty().get();
        assertThat(summary.release()).contains(Version.parse(db.rows("SELECT schema_version FROM dbcreator_state").get(0)));
        assertThat(done.releaseProperty().get()).isEqualTo(release.toString());
        assertThat(summary.phases()).singleElement().satisfies(run -> {
            assertThat(run.operation()).isEqualTo("DEPLOY");
            assertThat(run.scripts()).isEqualTo((int) scripts);
            assertThat(run.to()).isEqualTo(release);
        });
        assertThat(summary.backupFile()).isEmpty();
        assertThat(done.backupProperty().get()).isEqualTo("No backup is recorded for this database.");
        assertThat(summary.nodes()).isEmpty(); // nobody registered: mshost is empty
        assertThat(db.number("SELECT COUNT(*) FROM mshost")).isZero();
        assertThat(read).hasSize(1);
    }

    @Test
    void aCancelBetweenBatchesShouldLeaveAnInterruptedDeployThePageDescribesAsTheServerDoes() throws Exception {
        DeployViewModel[] holder = new DeployViewModel[1];
        DeployViewModel page = deployPage(serialized(() -> {
            DeployViewModel p = holder[0];
            if (p != null && p.runningProperty().get() && p.statementProperty().get().startsWith("Batch")) {
                p.cancel(); // a sample batch committed: stop before the next one
            }
        }));
        holder[0] = page;
        page.withSampleProperty().set(true);
        page.sampleRowsProperty().set("60000");

        page.deploy();

        assertThat(errors).isEmpty(); // a cancel is no error
        assertThat(visited).isEmpty(); // and not Done
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(db.rows("SELECT phase FROM dbcreator_state WHERE id = 1")).containsExactly("DEPLOYING");
        long applied = db.number("SELECT COUNT(*) FROM dbcreator_history WHERE operation = 'deploy'");
        String last = db.rows("SELECT script FROM dbcreator_history ORDER BY id DESC LIMIT 1").get(0);
        assertThat(page.outcomeProperty().get()).isEqualTo("The deploy was cancelled between two statements. A deploy of "
                + CATALOG.latestVersion() + " stopped half way: resume it to finish. The history table lists "
                + (applied == 1 ? "one script" : applied + " scripts") + " of the deploy, the last one " + last + "; deploying again goes on from there.");
        long eventsSoFar = db.number("SELECT COUNT(*) FROM event") + db.number("SELECT COUNT(*) FROM usage_event");
        assertThat(eventsSoFar).isLessThan(120_000);

        holder[0] = null;
        page.deploy(); // resumes with the sample it started with
        assertThat(errors).isEmpty();
        assertThat(visited).containsExactly("done");
        assertThat(db.rows("SELECT CONCAT(schema_version, ' ', phase) FROM dbcreator_state WHERE id = 1"))
                .containsExactly(CATALOG.latestVersion() + " CLEAN");
        assertThat(db.number("SELECT COUNT(*) FROM event")).isEqualTo(60_000);
        assertThat(db.number("SELECT COUNT(*) FROM usage_event")).isEqualTo(60_000);
    }
}
