package org.dbcreator.ui.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.ui.nodes.ExpandedDatabase.NEW;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.SchemaIntrospector;
import org.dbcreator.db.SchemaSnapshot;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.ErrorReport;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.nodes.ExpandedDatabase;
import org.dbcreator.ui.service.CleanupPosition;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.status.StatusViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cleanup page against a real server: it says in plain words what the cleanup drops and
 * tightens, wants the database name typed on production, ends clean at the target (as the server
 * says), one cancelled between two statements says where it stopped (as the journal has it) and,
 * resumed, ends exactly where an uninterrupted cleanup ends, and a refusal for missing privileges
 * reaches the banner and changes nothing.
 */
class CleanupViewModelIT {

    @TempDir
    Path home;

    private final ExpandedDatabase expanded = new ExpandedDatabase();
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();

    @AfterEach
    void drop() throws Exception {
        expanded.close();
    }

    private CleanupViewModel page(ExpandedDatabase.Connected connected, ConnectedDatabase shown) {
        CleanupViewModel page = new CleanupViewModel(connected.service(), executor, expanded.navigation);
        page.open(shown);
        return page;
    }

    @Test
    void cleanupShouldSayWhatItDropsThenEndCleanAtTheTargetAndShowDone() throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        connected.service().startDemoNodes(2, NEW); // nodes of the target at work while it runs
        CleanupViewModel page = page(connected, connected.database());

        assertThat(page.titleProperty().get()).isEqualTo("Clean up " + ExpandedDatabase.OLD + " \u2192 " + NEW);
        assertThat(page.irreversibleProperty().get()).startsWith("This cannot be undone.");
        assertThat(page.changes()).contains("The column event.level is dropped, with its data.",
                "The column host.cpu_cores is dropped, with its data.",
                "The column host.uuid becomes required (NOT NULL): old releases that leave it empty would fail.",
                "The trigger event_sync_severity_on_insert, which kept old and new columns in step, is dropped.",
                "account.domain_id must point at an existing row of domain from now on.",
                "Values of host.uuid must be unique from now on.");
        assertThat(page.refusals()).isEmpty();
        assertThat(page.productionProperty().get()).isFalse();
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(expanded.db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + expanded.db.name() + "' AND TABLE_NAME = 'event' AND COLUMN_NAME = 'level'")).isOne();

        page.primary();

        assertThat(expanded.errors).isEmpty();
        assertThat(expanded.shown).containsExactly("done");
        assertThat(page.resultProperty().get().outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(page.progressProperty().get()).isEqualTo(1.0);
        assertThat(page.lines()).last().isEqualTo("Clean at " + NEW + ".");
        assertThat(expanded.phase()).isEqualTo("CLEAN " + NEW);
        assertThat(expanded.db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + expanded.db.name() + "' AND TABLE_NAME = 'event' AND COLUMN_NAME = 'level'")).isZero();
        assertThat(expanded.db.rows("SELECT COUNT(*) FROM dbcreator_history WHERE kind = 'CLEANUP'"))
                .containsExactly(String.valueOf(page.resultProperty().get().applied()));
        assertThat(page.primaryDisabled().get()).isTrue(); // done: nothing to run twice
    }

    @Test
    void productionProfileShouldWantTheDatabaseNameTypedBeforeTheCleanup() throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        ConnectedDatabase db = connected.database();
        ConnectedDatabase production = new ConnectedDatabase(db.host(), db.port(), db.database(), db.user(),
                db.tlsMode(), db.caFile(), db.server(), Optional.of("prod"), Optional.of("production"));
        CleanupViewModel page = page(connected, production);

        assertThat(page.productionProperty().get()).isTrue();
        assertThat(page.primaryDisabled().get()).isTrue();
        page.typedNameProperty().set(db.database() + "x");
        assertThat(page.primaryDisabled().get()).isTrue();
        page.typedNameProperty().set(db.database());
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW); // nothing ran
    }

    @Test
    void accountWithoutTheCleanupsPrivilegesShouldGetTheBannerAndChangeNothing() throws Exception {
        ConnectionSettings dataOnly = expanded.db.createUser("SELECT, INSERT, UPDATE, DELETE");
        ExpandedDatabase.Connected connected = expanded.connect(dataOnly, home);
        CleanupViewModel page = page(connected, connected.database());
        assertThat(page.refusals()).anySatisfy(r -> assertThat(r).startsWith("The cleanup will refuse now: "));
        Footprint before = Footprint.of(expanded.db);

        page.primary();

        assertThat(expanded.errors).singleElement().isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES));
        ErrorReport banner = ErrorReport.of(expanded.errors.get(0), Optional.empty()); // what the shell's banner shows
        assertThat(banner.code()).isEqualTo("INSUFFICIENT_PRIVILEGES");
        assertThat(banner.message()).as("names the missing privileges").isEqualTo("Cannot start the cleanup: Privileges:"
                + " User '" + dataOnly.user() + "' lacks ALTER, CREATE, REFERENCES, TRIGGER on '" + expanded.db.name() + "'.");
        assertThat(banner.advice()).as("the safe next action").isEqualTo("Grant ALTER, CREATE, REFERENCES, TRIGGER on `"
                + expanded.db.name() + "`.* to the user.");
        assertThat(expanded.shown).isEmpty();
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(Footprint.of(expanded.db)).isEqualTo(before);
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW);
    }

    @Test
    void accountLackingOnlyAlterShouldGetABannerNamingAlterAndChangeNothing() throws Exception {
        ConnectionSettings noAlter = expanded.db.createUser(
                "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, REFERENCES, TRIGGER");
        ExpandedDatabase.Connected connected = expanded.connect(noAlter, home);
        CleanupViewModel page = page(connected, connected.database());
        assertThat(page.refusals()).containsExactly("The cleanup will refuse now: User '" + noAlter.user()
                + "' lacks ALTER on '" + expanded.db.name() + "'.");
        Footprint before = Footprint.of(expanded.db);

        page.primary();

        assertThat(expanded.errors).hasSize(1);
        ErrorReport banner = ErrorReport.of(expanded.errors.get(0), Optional.empty()); // what the shell's banner shows
        assertThat(banner.code()).isEqualTo("INSUFFICIENT_PRIVILEGES");
        assertThat(banner.message()).isEqualTo("Cannot start the cleanup: Privileges: User '" + noAlter.user()
                + "' lacks ALTER on '" + expanded.db.name() + "'.");
        assertThat(banner.advice()).isEqualTo("Grant ALTER on `" + expanded.db.name() + "`.* to the user.");
        assertThat(expanded.shown).isEmpty();
        assertThat(page.primaryLabel().get()).as("nothing to resume: it never started").isEqualTo("Clean up now");
        assertThat(Footprint.of(expanded.db)).isEqualTo(before);
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW);
        assertThat(expanded.db.number("SELECT COUNT(*) FROM dbcreator_history WHERE kind = 'CLEANUP'")).isZero();
    }

    @Test
    void aCleanupCancelledBetweenStatementsShouldSayWhereItStoppedAndResumeToTheUninterruptedEnd() throws Exception {
        List<ProgressListener> engineEvents = new ArrayList<>();
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home,
                event -> engineEvents.forEach(listener -> listener.onEvent(event)));
        CleanupViewModel page = page(connected, connected.database());
        int planned = page.planProperty().get().statements().size();
        assertThat(page.primaryLabel().get()).isEqualTo("Clean up now");
        assertThat(page.progressTextProperty().get()).isEmpty();
        // cancelled as the engine reports the first statement done of its second script: mid-script, between statements
        List<String> cancelledAfter = new ArrayList<>();
        engineEvents.add(new ProgressListener() {
            private int script;
            public void onEvent(ProgressEvent event) {
                if (event instanceof ProgressEvent.ScriptStarted started) {
                    script = started.number();
                } else if (event instanceof ProgressEvent.StatementDone done && !done.skipped() && script == 2
                        && cancelledAfter.isEmpty()) {
                    cancelledAfter.add(done.script());
                    page.cancel();
                }
            }
        });

        page.primary();

        assertThat(cancelledAfter).hasSize(1);
        assertThat(expanded.errors).as("a cancel is no error").isEmpty();
        assertThat(expanded.shown).as("not done").isEmpty();
        assertThat(page.runningProperty().get()).isFalse();
        assertThat(page.resultProperty().get()).isNull();
        assertThat(expanded.phase()).isEqualTo("CLEANING " + NEW);
        String script = cancelledAfter.get(0);
        String lastRun = "(SELECT run_id FROM dbcreator_journal ORDER BY started_at DESC LIMIT 1)";
        long doneInScript = expanded.db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE run_id = " + lastRun
                + " AND script = '" + script + "' AND outcome = 'DONE'");
        assertThat(expanded.db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE run_id = " + lastRun
                + " AND script = '" + script + "' AND outcome <> 'DONE'")).as("stopped between statements").isZero();
        long scriptsApplied = expanded.db.number("SELECT COUNT(*) FROM dbcreator_history WHERE kind = 'CLEANUP'");
        assertThat(scriptsApplied).as("the first script only").isOne();
        String stoppedAt = "Cleaned up to " + NEW + " " + script + " statement " + doneInScript
                + "; Resume continues from there.";
        assertThat(page.stoppedProperty().get()).isEqualTo(new CleanupPosition(NEW, Optional.of(script),
                (int) doneInScript));
        assertThat(page.progressTextProperty().get()).isEqualTo(stoppedAt);
        assertThat(page.primaryLabel().get()).isEqualTo("Resume");
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(page.planProperty().get().statements()).as("what is left, read again from the server")
                .hasSizeLessThan(planned).isNotEmpty();

        // Status calls to resume the cleanup, on the Cleanup page
        StatusViewModel status = new StatusViewModel(connected.service(), executor, expanded.navigation, s -> { });
        status.journeyProperty().set(Journey.UPGRADE);
        status.load(connected.database());
        assertThat(status.primaryLabel().get()).isEqualTo("Resume the cleanup");
        status.primary();
        assertThat(expanded.shown).containsExactly("cleanup");
        expanded.shown.clear();

        // reopened (the window closed and opened again), the page says the same, read from the server
        CleanupViewModel reopened = page(connected, connected.database());
        assertThat(reopened.progressTextProperty().get()).isEqualTo(stoppedAt);
        assertThat(reopened.primaryLabel().get()).isEqualTo("Resume");

        reopened.primary();

        assertThat(expanded.errors).isEmpty();
        assertThat(expanded.shown).containsExactly("done");
        assertThat(reopened.resultProperty().get().outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        assertThat(reopened.stoppedProperty().get()).isNull();
        assertSameEndAsUninterrupted();
    }

    private void assertSameEndAsUninterrupted() throws Exception {
        try (ExpandedDatabase reference = new ExpandedDatabase();
                DbCreator engine = DbCreator.connect(ExpandedDatabase.CATALOG, reference.db.admin(),
                        ProgressListener.NONE)) {
            engine.cleanup(new CleanupRequest(false, false, Set.of(), false, Optional.empty()));
            assertThat(schema(expanded.db).differencesFrom(schema(reference.db))).isEmpty();
            String applied = "SELECT operation, kind, script, checksum FROM dbcreator_history ORDER BY id";
            assertThat(expanded.db.rows(applied)).isEqualTo(reference.db.rows(applied));
            String state = "SELECT schema_version, target_version, phase, lowest_release, highest_release FROM dbcreator_state";
            assertThat(expanded.db.rows(state)).isEqualTo(reference.db.rows(state));
            assertThat(expanded.phase()).isEqualTo("CLEAN " + NEW);
            assertThat(expanded.db.rows("SELECT outcome, COUNT(*) FROM dbcreator_journal GROUP BY outcome"))
                    .allSatisfy(row -> assertThat(row).startsWith("DONE |"));
            String cleanupStatements = "SELECT script, statement_index, outcome FROM dbcreator_journal"
                    + " WHERE script LIKE '%cleanup.sql' ORDER BY script, statement_index";
            assertThat(expanded.db.rows(cleanupStatements)).as("each statement once, none run twice")
                    .isEqualTo(reference.db.rows(cleanupStatements));
            String noUuidMissing = "SELECT COUNT(*) FROM host WHERE uuid IS NULL OR uuid = ''";
            assertThat(expanded.db.number(noUuidMissing)).isZero();
        }
    }

    private static SchemaSnapshot schema(TestDatabase target) throws SQLException {
        try (Connection c = target.server().adminConnection()) {
            return SchemaIntrospector.productSchema(c, target.name());
        }
    }
}
