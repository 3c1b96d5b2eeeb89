package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.demo.BackfillEventSeverity;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.expand.ExpandRow;
import org.dbcreator.ui.expand.ExpandViewModel;
import org.dbcreator.ui.service.EngineWizardService;
import org.dbcreator.ui.service.ExpandPace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the wizard during an expand and opening it again, at the ViewModel level against a real
 * server: the first window, closed mid-backfill, stops the expand between two batches (the close
 * guard cancels it and closes once it stopped) and leaves it EXPANDING; a new window connected to
 * the same database lands on Status with "Resume the expand", its sidebar's Expand step opens the
 * Expand page ready to resume, and resuming ends EXPANDED as the server says.
 */
class ReopenInterruptedIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String BACKFILL = BackfillEventSeverity.class.getName();

    @TempDir
    Path home;

    private final TestDatabase db = TestDatabase.unique();
    private final List<EngineWizardService> services = new ArrayList<>();

    @AfterEach
    void drop() throws Exception {
        for (EngineWizardService service : services) {
            service.close();
        }
        db.close();
    }

    /** A new window over a service of its own, connected through its Connect page. */
    /** Told of every engine event as it happens (the pages see them coalesced, a few times a second). */
    private final List<ProgressListener> engineEvents = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ShellViewModel openAndConnect() {
        EngineWizardService service = new EngineWizardService(Map.of("DBCREATOR_HOME", home.toString()),
                event -> engineEvents.forEach(listener -> listener.onEvent(event)));
        services.add(service);
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        ShellViewModel window = new ShellViewModel(service, executor, new LogFeed(executor), "cloud");
        window.start(Optional.empty());
        window.showConnect(Journey.UPGRADE, Optional.empty());
        ConnectionSettings admin = db.admin();
        window.connect().hostProperty().set(admin.host());
        window.connect().portProperty().set(String.valueOf(admin.port()));
        window.connect().databaseProperty().set(admin.database());
        window.connect().userProperty().set(admin.user());
        window.connect().passwordProperty().set(admin.password().reveal());
        window.primary();
        assertThat(window.errorProperty().get()).isNull();
        assertThat(window.pageProperty().get()).isEqualTo(Page.STATUS);
        return window;
    }

    private static StepMark mark(ShellViewModel window, Journey.Step step) {
        return window.steps().stream().filter(m -> m.step() == step).findFirst().orElseThrow();
    }

    @Test
    void aWindowClosedMidExpandAndOpenedAgainShouldLandOnStatusWithResumeAndOpenExpandReadyToResume() throws Exception {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(40_000, SampleSize.DEFAULT_SEED));
        }
        assertThat(db.number("SELECT COUNT(*) FROM event")).as("several batches").isGreaterThan(3L * 2_000);

        // the first window: the admin's own backup recorded, the expand started from the sidebar
        ShellViewModel first = openAndConnect();
        services.get(0).recordOwnBackup(db.name());
        first.showStatus();
        assertThat(mark(first, Journey.Step.EXPAND).mark()).isEqualTo(StepMark.Mark.NEXT);
        first.openStep(Journey.Step.EXPAND);
        ExpandViewModel expand = first.expand();
        assertThat(first.pageProperty().get()).isEqualTo(Page.EXPAND);
        assertThat(expand.stateProperty().get()).isEqualTo(ExpandViewModel.State.READY);
        expand.paceProperty().set(ExpandPace.FAST);

        // ... and closed during the backfill: the guard asks, then stops it and closes once it stopped
        CloseGuard guard = CloseGuard.of(first);
        assertThat(guard.question()).isEmpty();
        List<String> asked = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        expand.backfillTextProperty().addListener((o, before, now) -> {
            boolean inBackfill = expand.rows().stream().anyMatch(r -> r.isHeader() && r.script().equals(BACKFILL)
                    && r.mark() == ExpandRow.Mark.RUNNING);
            if (!now.isEmpty() && inBackfill && asked.isEmpty()) {
                guard.question().ifPresent(asked::add);
                guard.stopThenClose(() -> closed.add("closed"));
                assertThat(closed).as("not before the engine stopped").isEmpty();
            }
        });
        first.primary();

        assertThat(asked).containsExactly(
                "An expand is running. Stop it between two statements and close? It can be resumed later.");
        assertThat(closed).containsExactly("closed");
        assertThat(first.errorProperty().get()).as("a cancel is no error").isNull();
        assertThat(expand.stateProperty().get()).isEqualTo(ExpandViewModel.State.STOPPED);
        services.get(0).close(); // as WizardApp.close does once the window is hidden
        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDING " + CATALOG.latestVersion());
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).as("stopped part-way").isPositive();
        long batches = db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE script = '" + BACKFILL
                + "' AND outcome = 'DONE'");
        assertThat(batches).isPositive();

        // a new window on the same database: Status says resume, and the sidebar's Expand opens Expand ready to resume
        ShellViewModel second = openAndConnect();
        assertThat(second.primaryLabelProperty().get()).isEqualTo("Resume the expand");
        assertThat(second.primaryDisabledProperty().get()).isFalse();
        assertThat(mark(second, Journey.Step.EXPAND)).satisfies(m -> {
            assertThat(m.mark()).isEqualTo(StepMark.Mark.NEXT);
            assertThat(m.reason()).isEqualTo("A run stopped half way: it resumes from here.");
        });
        assertThat(mark(second, Journey.Step.RESTART_NODES).mark()).isEqualTo(StepMark.Mark.LOCKED);

        second.primary(); // "Resume the expand"
        assertThat(second.pageProperty().get()).isEqualTo(Page.EXPAND);
        second.back();
        assertThat(second.pageProperty().get()).isEqualTo(Page.STATUS);

        second.openStep(Journey.Step.EXPAND);
        ExpandViewModel reopened = second.expand();
        assertThat(second.pageProperty().get()).isEqualTo(Page.EXPAND);
        assertThat(mark(second, Journey.Step.EXPAND).mark()).isEqualTo(StepMark.Mark.CURRENT);
        assertThat(reopened.stateProperty().get()).isEqualTo(ExpandViewModel.State.STOPPED);
        assertThat(reopened.outcomeProperty().get()).isEqualTo("Expanded up to " + CATALOG.latestVersion() + " "
                + new BackfillEventSeverity().description() + " batch " + batches + "; Resume continues from there.");
        assertThat(second.primaryLabelProperty().get()).isEqualTo("Resume");
        assertThat(second.primaryDisabledProperty().get()).isFalse();

        second.primary(); // Resume

        assertThat(second.errorProperty().get()).isNull();
        assertThat(reopened.stateProperty().get()).isEqualTo(ExpandViewModel.State.EXPANDED);
        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("EXPANDED " + CATALOG.latestVersion());
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).as("backfill complete").isZero();
        assertThat(db.rows("SELECT outcome, COUNT(*) FROM dbcreator_journal GROUP BY outcome"))
                .allSatisfy(row -> assertThat(row).startsWith("DONE |"));
        // no node is registered: the gate is open, and the button leads where the sidebar does, to the Cleanup
        assertThat(second.primaryLabelProperty().get()).isEqualTo("Next: Cleanup");
        second.showStatus();
        assertThat(mark(second, Journey.Step.EXPAND).mark()).isEqualTo(StepMark.Mark.DONE);
        assertThat(mark(second, Journey.Step.RESTART_NODES).mark()).isEqualTo(StepMark.Mark.DONE);
        assertThat(mark(second, Journey.Step.CLEANUP).mark()).isEqualTo(StepMark.Mark.NEXT);
        assertThat(second.primaryLabelProperty().get()).isEqualTo("Next: Cleanup");
    }

    @Test
    void aWindowClosedMidCleanupAndOpenedAgainShouldLandOnStatusWithResumeAndOpenCleanupReadyToRun() throws Exception {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), new SampleSize(1_000, SampleSize.DEFAULT_SEED));
            engine.upgrade(Optional.empty(), false, org.dbcreator.engine.BackupPolicy.skip());
        }
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDED");

        // the first window starts the cleanup from the sidebar and is closed after its first statement
        ShellViewModel first = openAndConnect();
        first.openStep(Journey.Step.CLEANUP);
        assertThat(first.pageProperty().get()).isEqualTo(Page.CLEANUP);
        assertThat(first.primaryDisabledProperty().get()).isFalse();
        CloseGuard guard = CloseGuard.of(first);
        List<String> asked = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        engineEvents.add(event -> { // closed right after the cleanup's first statement, whatever the machine's speed
            if (event instanceof org.dbcreator.progress.ProgressEvent.StatementDone done && !done.skipped()
                    && asked.isEmpty()) {
                guard.question().ifPresent(asked::add);
                guard.stopThenClose(() -> closed.add("closed"));
            }
        });
        first.primary();

        assertThat(asked).containsExactly(
                "A cleanup is running. Stop it between two statements and close? It can be resumed later.");
        assertThat(closed).containsExactly("closed");
        assertThat(first.cleanup().runningProperty().get()).isFalse();
        assertThat(first.errorProperty().get()).as("a stop asked for is no error").isNull();
        assertThat(first.log().lines()).anySatisfy(l -> assertThat(l).contains(
                "Cleanup stopped between two statements; it resumes from there."));
        services.get(0).close();
        assertThat(db.rows("SELECT CONCAT(phase, ' ', target_version) FROM dbcreator_state"))
                .containsExactly("CLEANING " + CATALOG.latestVersion());

        // a new window: Status says resume the cleanup, and the sidebar's Cleanup opens the page ready to run
        ShellViewModel second = openAndConnect();
        assertThat(second.primaryLabelProperty().get()).isEqualTo("Resume the cleanup");
        assertThat(mark(second, Journey.Step.CLEANUP)).satisfies(m -> {
            assertThat(m.mark()).isEqualTo(StepMark.Mark.NEXT);
            assertThat(m.reason()).isEqualTo("A run stopped half way: it resumes from here.");
        });
        second.openStep(Journey.Step.CLEANUP);
        assertThat(second.pageProperty().get()).isEqualTo(Page.CLEANUP);
        assertThat(second.cleanup().planProperty().get().statements()).isNotEmpty();
        assertThat(second.cleanup().progressTextProperty().get()).startsWith("Cleaned up to " + CATALOG.latestVersion()
                + " ").endsWith("; Resume continues from there.");
        assertThat(second.primaryLabelProperty().get()).isEqualTo("Resume");
        assertThat(second.primaryDisabledProperty().get()).isFalse();

        second.primary();

        assertThat(second.errorProperty().get()).isNull();
        assertThat(second.pageProperty().get()).isEqualTo(Page.DONE);
        assertThat(db.rows("SELECT CONCAT(phase, ' ', schema_version) FROM dbcreator_state"))
                .containsExactly("CLEAN " + CATALOG.latestVersion());
    }
}
