package org.dbcreator.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.ui.nodes.ExpandedDatabase.NEW;
import static org.dbcreator.ui.nodes.ExpandedDatabase.OLD;

import java.nio.file.Path;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Restart nodes page against a real server, through the current-thread executor (each
 * {@code tick()} is one poll): the cards and the gate are what the registry holds, a stale node
 * blocks until excluded by its typed name, and demo nodes restarted from their cards open the gate.
 */
class NodesViewModelIT {

    @TempDir
    Path home;

    private final ExpandedDatabase expanded = new ExpandedDatabase();
    private final CurrentThreadExecutor executor = new CurrentThreadExecutor();

    @AfterEach
    void drop() throws Exception {
        expanded.close();
    }

    private NodesViewModel page(ExpandedDatabase.Connected connected) {
        NodesViewModel page = new NodesViewModel(connected.service(), executor, expanded.navigation);
        page.open(connected.database());
        return page;
    }

    @Test
    void staleNodeShouldBlockTheGateUntilExcludedByItsTypedNameAndTheCleanupRecordsTheExclusion() throws Exception {
        expanded.node("ms-new", NEW, "Up", 0);
        expanded.node("ms-crashed", OLD, "Up", 600);
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        NodesViewModel page = page(connected);

        assertThat(executor.repeating()).isEqualTo(1);
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.BLOCKED);
        assertThat(page.reasons()).singleElement().satisfies(r -> assertThat(r)
                .startsWith("Needs you: ms-crashed runs " + OLD + " and its heartbeat stopped"));
        assertThat(page.cards()).extracting(NodeCard::name, NodeCard::release, NodeCard::verdict, NodeCard::excludable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ms-crashed", OLD.toString(), NodeStatus.Verdict.BLOCKED, true),
                        org.assertj.core.groups.Tuple.tuple("ms-new", NEW.toString(), NodeStatus.Verdict.READY, false));
        assertThat(expanded.db.rows("SELECT name, version, state, last_update < NOW(3) - INTERVAL 30 SECOND FROM mshost ORDER BY name"))
                .containsExactly("ms-crashed | " + OLD + " | Up | 1", "ms-new | " + NEW + " | Up | 0");
        assertThat(page.cleanupLockProperty().get()).isEqualTo("Cleanup is locked: 1 node(s) keep the gate to " + NEW
                + " shut (see the reasons above).");
        assertThat(page.primaryDisabled().get()).isTrue();

        page.askToExclude("ms-crashed");
        page.typedNameProperty().set("ms-crash");
        page.confirmExclusion();
        assertThat(expanded.errors).singleElement().isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED));
        executor.tick();
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.BLOCKED);

        page.askToExclude("ms-new");
        page.typedNameProperty().set("ms-new");
        page.confirmExclusion();
        assertThat(expanded.errors).hasSize(2).last().isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e).hasMessageContaining("is live"));

        page.askToExclude("ms-crashed");
        page.typedNameProperty().set("ms-crashed");
        page.confirmExclusion();

        assertThat(expanded.errors).hasSize(2);
        assertThat(page.excludingProperty().get()).isEmpty();
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.OPEN);
        assertThat(page.cards()).filteredOn(c -> c.name().equals("ms-crashed")).singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(NodeStatus.Verdict.IGNORED));
        assertThat(page.cleanupLockProperty().get()).isEmpty();
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(expanded.db.number("SELECT COUNT(*) FROM dbcreator_audit")).isZero(); // recorded when it takes effect

        page.primary();
        assertThat(expanded.shown).containsExactly("cleanup");
        assertThat(executor.repeating()).isZero();
        connected.service().cleanup(ProgressListener.NONE, Cancellation.none());

        assertThat(expanded.db.rows("SELECT action, detail FROM dbcreator_audit")).singleElement()
                .satisfies(row -> assertThat(row).startsWith("EXCLUDE_NODE | Node 'ms-crashed' excluded from the cleanup"
                        + " gate of " + OLD + " -> " + NEW));
        assertThat(expanded.phase()).isEqualTo("CLEAN " + NEW);
    }

    @Test
    void demoNodesRestartedFromTheirCardsShouldOpenTheGateOneByOne() throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        connected.service().startDemoNodes(2, OLD);
        NodesViewModel page = page(connected);

        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.WAITING);
        assertThat(page.cards()).extracting(NodeCard::name).containsExactly("demo-node-1", "demo-node-2");
        assertThat(page.cards()).allSatisfy(c -> {
            assertThat(c.demo()).isTrue();
            assertThat(c.verdict()).isEqualTo(NodeStatus.Verdict.WAITING);
        });
        assertThat(page.reasons()).containsExactly(
                "Waiting: demo-node-1 runs " + OLD + ", not " + NEW + ": restart it on " + NEW,
                "Waiting: demo-node-2 runs " + OLD + ", not " + NEW + ": restart it on " + NEW);
        assertThat(page.suggestedNextProperty().get()).isEqualTo("Suggested next: restart demo-node-1 on " + NEW + ".");
        assertThat(page.instructionsProperty().get()).contains("systemctl stop democloud-management");
        assertThat(page.primaryDisabled().get()).isTrue();

        page.restartDemo("demo-node-1");

        assertThat(expanded.db.rows("SELECT name, version, state FROM mshost ORDER BY name"))
                .containsExactly("demo-node-1 | " + NEW + " | Up", "demo-node-2 | " + OLD + " | Up");
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.WAITING);
        assertThat(page.suggestedNextProperty().get()).isEqualTo("Suggested next: restart demo-node-2 on " + NEW + ".");

        page.restartDemo("demo-node-2");

        assertThat(expanded.db.rows("SELECT name, version, state FROM mshost ORDER BY name"))
                .containsExactly("demo-node-1 | " + NEW + " | Up", "demo-node-2 | " + NEW + " | Up");
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.OPEN);
        assertThat(page.verdictTextProperty().get()).startsWith("The gate is open: every live node runs " + NEW);
        assertThat(page.reasons()).isEmpty();
        assertThat(page.suggestedNextProperty().get()).isEmpty();
        assertThat(page.primaryDisabled().get()).isFalse();
        assertThat(expanded.errors).isEmpty();
    }

    @Test
    void killedDemoNodeShouldStopHeartbeatingAndBlockUntilRestarted() throws Exception {
        ExpandedDatabase.Connected connected = expanded.connect(expanded.db.admin(), home);
        connected.service().startDemoNodes(1, OLD);
        NodesViewModel page = page(connected);

        page.killDemo("demo-node-1");
        // A node that still beat would write its heartbeat again within a second; a killed one leaves it old.
        expanded.db.execute("UPDATE mshost SET last_update = NOW(3) - INTERVAL 60 SECOND WHERE name = 'demo-node-1'");
        executor.tick();

        assertThat(expanded.db.rows("SELECT state, last_update < NOW(3) - INTERVAL 30 SECOND FROM mshost"))
                .containsExactly("Up | 1"); // not marked down: it went away without saying so
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.BLOCKED);
        assertThat(page.cards()).singleElement().satisfies(c -> {
            assertThat(c.state()).startsWith("stale");
            assertThat(c.excludable()).isTrue();
            assertThat(c.demo()).isTrue();
        });

        page.restartDemo("demo-node-1");

        assertThat(expanded.db.rows("SELECT version, state FROM mshost")).containsExactly(NEW + " | Up");
        assertThat(page.verdictProperty().get()).isEqualTo(GateReport.Verdict.OPEN);
        assertThat(expanded.errors).isEmpty();
        page.close();
        assertThat(executor.repeating()).isZero();
    }
}
