package org.dbcreator.ui.expand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.SchemaIntrospector;
import org.dbcreator.db.SchemaSnapshot;
import org.dbcreator.demo.BackfillEventSeverity;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.RowChecksum;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.ConnectionRequest;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.ExpandPace;
import org.dbcreator.ui.service.RecentConnection;
import org.dbcreator.ui.status.StatusViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Expand page against a real server: the plan's marks are the server's, an expand ends
 * EXPANDED, and one cancelled during the backfill says where it stopped (as the journal has it)
 * and, resumed, ends exactly where an uninterrupted run ends.
 */
class ExpandViewModelIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String BACKFILL = BackfillEventSeverity.class.getName();
    private static final String BACKFILL_WORDS = new BackfillEventSeverity().description();

    @TempDir
    Path home;

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
        public void showRestartNodes() { pages.add("restart-nodes"); }
        @Override
        public void showExpand() { pages.add("expand"); }
        @Override
        public void showCleanup() { pages.add("cleanup"); }
    };

    @AfterEach
    void drop() throws Exception {
        if (service != null) {
            service.close();
        }
        db.close();
    }

    private static void deploy(TestDatabase target, SampleSize sample) {
        try (DbCreator engine = DbCreator.connect(CATALOG, target.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), sample);
        }
    }

    /** Connects the wizard's service, with the admin's own backup recorded (the Backup page's test proves the rest). */
    private ExpandViewModel page() {
        ConnectionSettings s = db.admin();
        service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()), ProgressListener.NONE);
        service.connect(new ConnectionRequest(s.host(), s.port(), s.database(), s.user(), s.password(), s.tlsMode(),
                s.caFile(), Optional.empty()));
        service.recordOwnBackup(db.name());
        ExpandViewModel page = new ExpandViewModel(service, new CurrentThreadExecutor(), navigation);
        page.open();
        return page;
    }

    @Test
    void anExpandShouldEndExpandedWithEveryStepMarkedDoneAndOfferTheNodes() throws Exception {
        deploy(db, new SampleSize(1_000, SampleSize.DEFAULT_SEED));
        ExpandViewModel page = page();
        assertThat(page.stateProperty().get()).isEqualTo(ExpandViewModel.State.READY);
        assertThat(page.primaryLabel().get()).isEqualTo("Expand");
        assertThat(page.rows()).filteredOn(ExpandRow::isHeader).isNotEmpty()
                .allSatisfy(r -> assertThat(r.mark()).isEqualTo(ExpandRow.Mark.PENDING));
        assertThat(page.rows()).extracting(ExpandRow::script).contains(BACKFILL);
        assertThat(page.rows()).filteredOn(r -> r.isHeader() && r.script().equals(BACKFILL)).extracting(ExpandRow::text)
                .containsExactly("4.2.0 migration: " + BACKFILL_WORDS);

        page.primary();

        assertThat(errors).isEmpty();
        assertThat(page.stateProperty().get()).isEqualTo(ExpandViewModel.State.EXPANDED);
        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDED " + CATALOG.latestVersion());
        List<String> applied = db.rows("SELECT script FROM dbcreator_history WHERE operation = 'UPGRADE'");
        assertThat(page.rows()).filteredOn(ExpandRow::isHeader).extracting(ExpandRow::script)
                .containsExactlyInAnyOrderElementsOf(applied);
        assertThat(page.rows()).allSatisfy(r -> assertThat(r.mark()).isIn(ExpandRow.Mark.DONE, ExpandRow.Mark.SKIPPED));
        // each data migration the server recorded is named in the page's log by its description, never its class
        List<String> migrations = db.rows("SELECT script FROM dbcreator_history WHERE operation = 'UPGRADE'"
                + " AND kind = 'MIGRATION'");
        assertThat(migrations).contains(BACKFILL);
        assertThat(page.log()).anySatisfy(l -> assertThat(l).endsWith(": " + BACKFILL_WORDS + " (BackfillEventSeverity)"));
        assertThat(page.log()).noneSatisfy(l -> assertThat(l).contains("org.dbcreator.demo."));
        assertThat(page.overallProperty().get()).isEqualTo(1.0);
        assertThat(page.outcomeProperty().get()).startsWith("Expanded " + CATALOG.baselineVersion() + " \u2192 "
                + CATALOG.latestVersion() + ": " + applied.size() + " scripts applied in ");
        assertThat(page.log()).anySatisfy(l -> assertThat(l).contains("Expanded to " + CATALOG.latestVersion()));
        assertThat(page.primaryLabel().get()).isEqualTo("Next: Restart nodes");
        page.primary();
        assertThat(pages).containsExactly("restart-nodes");
        // once the window has read the gate open (ShellViewModel), the button leads to the Cleanup instead
        page.nodesRestartedProperty().set(true);
        assertThat(page.primaryLabel().get()).isEqualTo("Next: Cleanup");
        page.primary();
        assertThat(pages).containsExactly("restart-nodes", "cleanup");
    }

    @Test
    void anExpandCancelledDuringTheBackfillShouldSayWhereItStoppedAndResumeToTheUninterruptedEnd() throws Exception {
        SampleSize sample = new SampleSize(40_000, SampleSize.DEFAULT_SEED);
        deploy(db, sample);
        assertThat(db.number("SELECT COUNT(*) FROM event")).as("several batches").isGreaterThan(3L * 2_000);
        ExpandViewModel page = page();
        page.paceProperty().set(ExpandPace.FAST);
        List<String> backfillSeen = new ArrayList<>();
        List<String> runningSeen = new ArrayList<>();
        page.backfillTextProperty().addListener((o, before, now) -> {
            boolean inBackfill = page.rows().stream().anyMatch(r -> r.isHeader() && r.script().equals(BACKFILL)
                    && r.mark() == ExpandRow.Mark.RUNNING);
            if (!now.isEmpty() && inBackfill) {
                backfillSeen.add(now);
                page.tick(java.time.Instant.now());
                runningSeen.add(page.runningProperty().get());
                page.cancel(); // during the backfill, between its batches
            }
        });

        page.primary();

        assertThat(errors).as("a cancel is no error").isEmpty();
        assertThat(backfillSeen).first().asString().matches("[0-9,]+ of [0-9,]+ rows \u00b7 .* rows/s \u00b7 .*");
        assertThat(page.stateProperty().get()).isEqualTo(ExpandViewModel.State.STOPPED);
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDING");
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).as("stopped part-way").isPositive();
        long batches = db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE script = '" + BACKFILL
                + "' AND outcome = 'DONE'");
        assertThat(batches).isPositive();
        // the admin reads the migration's description, never its class name
        assertThat(runningSeen).first().asString().startsWith("Running the data migration: " + BACKFILL_WORDS + "  \u2014 ");
        assertThat(page.outcomeProperty().get()).isEqualTo("Expanded up to " + CATALOG.latestVersion() + " "
                + BACKFILL_WORDS + " batch " + batches + "; Resume continues from there.");
        assertThat(page.primaryLabel().get()).isEqualTo("Resume");

        // Status calls to resume, on Expand
        StatusViewModel status = new StatusViewModel(service, new CurrentThreadExecutor(), navigation, s -> { });
        status.journeyProperty().set(org.dbcreator.ui.app.Journey.UPGRADE);
        status.load(service.connect(request()));
        assertThat(status.primaryLabel().get()).isEqualTo("Resume the expand");
        status.primary();
        assertThat(pages).containsExactly("expand");

        // reopened (the window closed and opened again), the page says the same, read from the server
        ExpandViewModel reopened = new ExpandViewModel(service, new CurrentThreadExecutor(), navigation);
        reopened.open();
        assertThat(reopened.stateProperty().get()).isEqualTo(ExpandViewModel.State.STOPPED);
        assertThat(reopened.outcomeProperty().get()).isEqualTo(page.outcomeProperty().get());

        backfillSeen.clear();
        reopened.primary();

        assertThat(errors).isEmpty();
        assertThat(reopened.stateProperty().get()).isEqualTo(ExpandViewModel.State.EXPANDED);
        assertSameEndAsUninterrupted(sample);
    }

    private ConnectionRequest request() {
        ConnectionSettings s = db.admin();
        return new ConnectionRequest(s.host(), s.port(), s.database(), s.user(), s.password(), s.tlsMode(), s.caFile(),
                Optional.empty());
    }

    private void assertSameEndAsUninterrupted(SampleSize sample) throws SQLException {
        try (TestDatabase reference = TestDatabase.unique()) {
            deploy(reference, sample);
            try (DbCreator engine = DbCreator.connect(CATALOG, reference.admin(), ProgressListener.NONE)) {
                engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
            }
            assertThat(schema(db).differencesFrom(schema(reference))).isEmpty();
            String applied = "SELECT operation, kind, script, checksum FROM dbcreator_history ORDER BY id";
            assertThat(db.rows(applied)).isEqualTo(reference.rows(applied));
            String state = "SELECT schema_version, target_version, phase, lowest_release, highest_release FROM dbcreator_state";
            assertThat(db.rows(state)).isEqualTo(reference.rows(state));
            assertThat(db.rows("SELECT outcome, COUNT(*) FROM dbcreator_journal GROUP BY outcome"))
                    .allSatisfy(row -> assertThat(row).startsWith("DONE |"));
            assertThat(RowChecksum.of(db, "event", "id, severity")).isEqualTo(RowChecksum.of(reference, "event", "id, severity"));
        }
    }

    private static SchemaSnapshot schema(TestDatabase target) throws SQLException {
        try (Connection c = target.server().adminConnection()) {
            return SchemaIntrospector.productSchema(c, target.name());
        }
    }
}
