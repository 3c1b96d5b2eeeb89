package org.dbcreator.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.engine.OperationKind;
import org.dbcreator.engine.PreflightReport;
import org.dbcreator.history.DatabaseState;
import org.dbcreator.history.Phase;
import org.dbcreator.ui.service.NodeBoard;
import org.dbcreator.ui.service.RollbackPlan;
import org.junit.jupiter.api.Test;

/** Whether Abort upgrade is enabled on the Restart nodes page, and the reason when it is not. */
class AbortLockTest {

    private static final Version OLD = Version.parse("4.0.0");
    private static final Version NEW = Version.parse("4.3.0");

    private static NodeBoard board(Phase phase, NodeStatus... nodes) {
        DatabaseState state = new DatabaseState("democloud", Optional.of(OLD), NEW, phase, Optional.of(OLD),
                Optional.of(NEW), Optional.empty(), Optional.empty(), Instant.now());
        return new NodeBoard(Optional.of(state), Optional.of(new GateReport(NEW, List.of(nodes))), Set.of(), List.of());
    }

    private static NodeStatus node(String name, String release, NodeStatus.Liveness liveness) {
        return new NodeStatus(name, release, "Up", Duration.ofSeconds(1), liveness, NodeStatus.Verdict.WAITING, "");
    }

    private static Optional<RollbackPlan> plan(Optional<String> reason, List<String> restart) {
        return Optional.of(new RollbackPlan("db", NEW, OLD, List.of("DROP TABLE t"), reason, restart, Optional.empty(),
                new PreflightReport(OperationKind.ROLLBACK, List.of()), List.of()));
    }

    @Test
    void abortShouldBeLockedNamingTheLiveNodesOfANewerReleaseOnly() {
        NodeBoard read = board(Phase.EXPANDED, node("a", NEW.toString(), NodeStatus.Liveness.LIVE),
                node("b", OLD.toString(), NodeStatus.Liveness.LIVE), node("c", NEW.toString(), NodeStatus.Liveness.DOWN));
        assertThat(NodesViewModel.abortLock(read, plan(Optional.of("nodes"), List.of("a"))))
                .contains("Abort upgrade is locked: restart a on " + OLD + " first (nodes of a newer release are live).");
    }

    @Test
    void abortShouldBeAllowedOnceNoLiveNodeRunsANewerRelease() {
        NodeBoard read = board(Phase.EXPANDED, node("b", OLD.toString(), NodeStatus.Liveness.LIVE));
        assertThat(NodesViewModel.abortLock(read, plan(Optional.of("nodes"), List.of("a")))).isEmpty();
    }

    @Test
    void abortShouldSayWhyWhenTheDryRunRefusesForAnotherReason() {
        NodeBoard read = board(Phase.EXPANDED);
        assertThat(NodesViewModel.abortLock(read, plan(Optional.of("The step 4.2.0 -> 4.3.0 has no rollback script."),
                List.of()))).contains("Abort upgrade is not possible: The step 4.2.0 -> 4.3.0 has no rollback script.");
    }

    @Test
    void abortShouldBeLockedWhenNothingIsExpanded() {
        NodeBoard read = new NodeBoard(Optional.of(DatabaseState.clean("democloud", NEW)), Optional.empty(), Set.of(),
                List.of());
        assertThat(NodesViewModel.abortLock(read, Optional.empty()))
                .contains("Abort upgrade is possible only while the database is expanding or expanded.");
    }

    @Test
    void rollbackWordsShouldSayTheOldReleasesRulesComeBack() {
        assertThat(org.dbcreator.ui.cleanup.CleanupWords.ofRollback(List.of(
                "ALTER TABLE host MODIFY COLUMN cpu_cores INT UNSIGNED NOT NULL, ALGORITHM=INPLACE, LOCK=NONE",
                "DROP TABLE host_capacity"))).containsExactly(
                        "The column host.cpu_cores is required (NOT NULL) again, as the old release has it.",
                        "The table host_capacity is dropped, with its rows.");
    }
}
