package org.dbcreator.ui.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dbcreator.ui.nodes.ExpandedDatabase.NEW;
import static org.dbcreator.ui.nodes.ExpandedDatabase.OLD;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.RollbackRequest;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.dbcreator.ui.app.Journey;
import org.dbcreator.ui.app.Navigation;
import org.dbcreator.ui.nodes.ExpandedDatabase;
import org.dbcreator.ui.nodes.NodesViewModel;
import org.dbcreator.ui.service.ConnectedDatabase;
import org.dbcreator.ui.service.RecentConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abort upgrade against a real server, through the current-thread executor: a database of its own
 * deployed at the demo catalog's oldest release with sample rows and expanded to its latest, demo
 * nodes of the old release at work and one restarted on the new. The abort is refused, naming that
 * node, until it is restarted on the old release from its card; then it runs, and the server says
 * CLEAN at the old release with the sample rows and the nodes' writes still there.
 */
class RollbackViewModelIT {

    @TempDir
    Path home;

    private final ExpandedDatabase expanded = new ExpandedDatabase();
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();
    private final List<String> shown = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Navigation navigation = new Navigation() {
        public void showWelcome() { shown.add("welcome"); }
        public void showConnect(Journey journey, Optional<RecentConnection> profile) { shown.add("connect"); }
        public void connected(ConnectedDatabase database) { shown.add("connected"); }
        public void startDemo() { }
        public void showError(Throwable failure) { errors.add(failure); }
        public void log(String line) { }
        @Override public void showStatus() { shown.add("status"); }
        @Override public void showRollback() { shown.add("rollback"); }
    };

    @AfterEach
    void drop() throws Exception {
        expanded.close(); // closes the services, which stop their demo nodes
    }

    @Test
    void abortShouldBeRefusedNamingTheNewReleaseNodeUntilItRunsTheOldReleaseThenEndCleanAtTheOldRelease()
            throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        connected.service().startDemoNodes(2, OLD);
        connected.service().restartDemoNode("demo-node-2"); // on the release the database is expanded to
        long accounts = expanded.db.number("SELECT COUNT(*) FROM account");
        long hosts = expanded.db.number("SELECT COUNT(*) FROM host");
        assertThat(accounts).isPositive();
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW);

        NodesViewModel nodes = new NodesViewModel(connected.service(), executor, navigation);
        nodes.open(connected.database());
        await(executor, () -> row("demo-node-2").equals(NEW + " | Up") && nodes.cards().size() == 2);
        executor.tick();
        assertThat(nodes.abortAllowed().get()).isFalse();
        assertThat(nodes.abortLockProperty().get()).isEqualTo("Abort upgrade is locked: restart demo-node-2 on " + OLD
                + " first (nodes of a newer release are live).");
        nodes.abort();
        assertThat(shown).doesNotContain("rollback");

        RollbackViewModel page = new RollbackViewModel(connected.service(), executor, navigation);
        page.open(connected.database());
        assertThat(page.planProperty().get().nodesToRestart()).containsExactly("demo-node-2");
        assertThat(page.planProperty().get().to()).isEqualTo(OLD);
        assertThat(page.refusalProperty().get()).startsWith("The rollback may not run now: ").contains("demo-node-2");
        assertThat(page.canRun().get()).isFalse();
        page.primary();
        assertThat(expanded.phase()).as("a refused abort changes nothing").isEqualTo("EXPANDED " + NEW);

        nodes.restartDemoOnOld("demo-node-2");
        await(executor, () -> row("demo-node-2").equals(OLD + " | Up"));
        executor.tick();
        assertThat(nodes.abortLockProperty().get()).isEmpty();
        assertThat(nodes.abortTextProperty().get()).isEqualTo("Abort upgrade rolls the expand back to " + OLD
                + "; it lists what it undoes, and any data only the new release wrote, before it starts.");
        nodes.abort();
        assertThat(shown).containsExactly("rollback");
        assertThat(nodes.isPolling()).isFalse();

        page.open(connected.database());
        assertThat(page.refusalProperty().get()).isEmpty();
        assertThat(page.titleProperty().get()).isEqualTo("Abort upgrade: roll back " + NEW + " \u2192 " + OLD);
        assertThat(page.changes()).isNotEmpty();
        // the expand backfilled host.uuid, which only the new release reads: its values are lost, and said so
        assertThat(page.dataLost()).anySatisfy(line -> assertThat(line).startsWith("column host.uuid (")
                .endsWith(" rows with a value"));
        assertThat(page.canRun().get()).as("not before the loss is accepted").isFalse();
        page.primary();
        assertThat(expanded.phase()).as("an abort whose loss is not accepted changes nothing").isEqualTo("EXPANDED " + NEW);
        page.lossAcceptedProperty().set(true);
        assertThat(page.canRun().get()).isTrue();
        page.primary();

        assertThat(errors).isEmpty();
        assertThat(shown).containsExactly("rollback", "status");
        assertThat(page.resultProperty().get().to()).isEqualTo(OLD);
        assertThat(page.progressProperty().get()).isEqualTo(1.0);
        assertThat(page.lines()).isNotEmpty();
        assertThat(expanded.db.rows("SELECT phase, schema_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | " + OLD + " | " + OLD + " | " + OLD);
        assertThat(expanded.db.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'host' AND COLUMN_NAME = 'uuid'")).as("4.1.0's column is gone").isZero();
        assertThat(expanded.db.number("SELECT COUNT(*) FROM account")).isGreaterThanOrEqualTo(accounts);
        assertThat(expanded.db.number("SELECT COUNT(*) FROM host")).isGreaterThanOrEqualTo(hosts);
        assertThat(expanded.db.rows("SELECT name, version, state FROM mshost ORDER BY name")).containsExactly(
                "demo-node-1 | " + OLD + " | Up", "demo-node-2 | " + OLD + " | Up");
        assertThat(connected.service().status().report().condition().name()).isEqualTo("MANAGED");
        assertThat(expanded.db.rows("SELECT detail FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'"))
                .singleElement().asString().contains("host.uuid");
    }

    @Test
    void aGoneNodeOfTheNewReleaseShouldKeepTheWayBackShutUntilExcludedByItsTypedNameThenTheRollbackRecordsIt()
            throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        // a node restarted on the new release that crashed ten minutes ago: it may never come back
        expanded.db.execute("INSERT INTO mshost (name, version, state, last_update, created) VALUES ('ms-gone', '" + NEW
                + "', 'Up', NOW(3) - INTERVAL 600 SECOND, NOW())");
        RollbackViewModel page = new RollbackViewModel(connected.service(), executor, navigation);
        page.open(connected.database());
        assertThat(page.refusalProperty().get()).startsWith("The rollback may not run now: ").contains("ms-gone");
        assertThat(page.excludable()).containsExactly("ms-gone");
        assertThat(page.canRun().get()).isFalse();

        page.excludeTypedProperty().set("ms-gon");
        page.exclude();

        assertThat(errors).singleElement().satisfies(e -> assertThat(((DbCreatorException) e).code())
                .isEqualTo(ErrorCode.CONFIRMATION_REQUIRED));
        assertThat(page.refusalProperty().get()).contains("ms-gone");
        assertThat(page.planProperty().get().excluded()).isEmpty();
        errors.clear();

        page.excludeTypedProperty().set("ms-gone");
        page.exclude();

        assertThat(errors).isEmpty();
        assertThat(page.refusalProperty().get()).isEmpty();
        assertThat(page.excludable()).isEmpty();
        assertThat(page.planProperty().get().excluded()).containsExactly("ms-gone");
        assertThat(expanded.db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'EXCLUDE_NODE'"))
                .as("nothing is recorded before the rollback runs").isZero();
        assertThat(expanded.phase()).isEqualTo("EXPANDED " + NEW);

        page.lossAcceptedProperty().set(true); // the expand's host.uuid values are lost, as in the test above
        page.primary();

        assertThat(errors).isEmpty();
        assertThat(expanded.db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | " + OLD);
        assertThat(expanded.db.rows("SELECT operator, detail FROM dbcreator_audit WHERE action = 'EXCLUDE_NODE'"))
                .singleElement().asString().contains("ms-gone", "rollback");
    }

    @Test
    void theResumeOfAnAbortWhoseLossWasAcceptedShouldShowTheRecordedConsentTickedAndRunOn() throws Exception {
        Cancellation stop = new Cancellation();
        try (DbCreator engine = DbCreator.connect(ExpandedDatabase.CATALOG, expanded.db.admin(), event -> {
            if (event instanceof ProgressEvent.StatementDone) {
                stop.cancel(); // as "Stop after this statement" does
            }
        })) {
            assertThatThrownBy(() -> engine.rollback(RollbackRequest.toOldRelease().acceptingDataLoss(), stop))
                    .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        }
        assertThat(expanded.phase()).isEqualTo("ROLLING_BACK " + OLD);
        String operator = expanded.db.rows("SELECT operator FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'").get(0);
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        RollbackViewModel page = new RollbackViewModel(connected.service(), executor, navigation);

        page.open(connected.database());

        assertThat(page.dataLost()).anySatisfy(line -> assertThat(line).startsWith("column host.uuid ("));
        assertThat(page.lossAcceptedProperty().get()).as("the consent its run recorded").isTrue();
        assertThat(page.lossAcceptedNoteProperty().get()).startsWith("Accepted by " + operator + " at ")
                .contains("it resumes without asking again");
        assertThat(page.canRun().get()).isTrue();
        page.primary();

        assertThat(errors).isEmpty();
        assertThat(page.resultProperty().get().outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        assertThat(expanded.db.rows("SELECT phase, schema_version FROM dbcreator_state")).containsExactly("CLEAN | " + OLD);
        assertThat(expanded.db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'"))
                .as("accepted once").isEqualTo(1);
    }

    private String row(String node) {
        try {
            List<String> rows = expanded.db.rows("SELECT version, state FROM mshost WHERE name = '" + node + "'");
            return rows.isEmpty() ? "" : rows.get(0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls (one tick a round) until {@code done}, for at most 30 s: the demo nodes report on their own thread. */
    private static void await(CurrentThreadExecutor executor, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
            Thread.sleep(200);
            executor.tick();
        }
    }
}
