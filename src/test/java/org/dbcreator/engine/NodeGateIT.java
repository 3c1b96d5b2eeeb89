package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cleanup gate: cleanup runs only when every live node runs the target and no older node is around. */
@ExtendWith(TestDatabaseExtension.class)
class NodeGateIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String OLD = CATALOG.baselineVersion().toString();
    private static final String NEW = CATALOG.latestVersion().toString();

    private TestDatabase db;
    private Operator op;

    @BeforeEach
    void expanded(TestDatabase db) {
        this.db = db;
        this.op = new Operator(CATALOG, db.admin());
        op.deploy(OLD, SampleSize.none());
        op.upgrade(ProgressListener.NONE);
    }

    private void node(String name, String release, String state, int heartbeatSecondsAgo) throws SQLException {
        db.execute("INSERT INTO mshost (name, version, state, last_update, created) VALUES ('" + name + "', '" + release
                + "', '" + state + "', NOW(3) - INTERVAL " + heartbeatSecondsAgo + " SECOND, NOW())"
                + " ON DUPLICATE KEY UPDATE version = VALUES(version), state = VALUES(state), last_update = VALUES(last_update)");
    }

    private static CleanupRequest request(Set<String> excluded, boolean confirmExclusion, Optional<Duration> wait) {
        return new CleanupRequest(false, false, excluded, confirmExclusion, wait);
    }

    @Test
    void liveNodeOfTheOldReleaseShouldKeepTheGateShutAndChangeNothing() throws SQLException {
        node("ms-1", NEW, "Up", 0);
        node("ms-2", OLD, "Up", 0);
        Footprint before = Footprint.of(db);

        assertThatThrownBy(() -> op.cleanup(request(Set.of(), false, Optional.empty()), ProgressListener.NONE))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NODES_NOT_READY))
                .hasMessageContaining("ms-2 runs " + OLD);
        assertThat(Footprint.of(db)).isEqualTo(before);
        GateReport gate = nodes();
        assertThat(gate.blockers()).extracting(NodeStatus::name).containsExactly("ms-2");
        assertThat(gate.nodes()).extracting(NodeStatus::liveness).containsOnly(NodeStatus.Liveness.LIVE);
    }

    @Test
    void gateShouldOpenWhenEveryLiveNodeRunsTheTargetAndOldOnesStoppedCleanly() throws SQLException {
        node("ms-1", NEW, "Up", 0);
        node("ms-2", NEW, "Up", 1);
        node("ms-3", OLD, "Down", 5);

        UpgradeResult result = op.cleanup(request(Set.of(), false, Optional.empty()), ProgressListener.NONE);

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(result.checks().checks()).anySatisfy(c -> assertThat(c.evidence()).startsWith("2 live nodes, all on " + NEW));
        assertThat(op.status().phase()).contains(Phase.CLEAN);
    }

    @Test
    void staleOldNodeShouldBlockUntilExcludedByNameWithConfirmationAndBeRecorded() throws SQLException {
        node("ms-1", NEW, "Up", 0);
        node("ms-crashed", OLD, "Up", 600);

        assertThatThrownBy(() -> op.cleanup(request(Set.of(), false, Optional.empty()), ProgressListener.NONE))
                .hasMessageContaining("ms-crashed").hasMessageContaining("heartbeat stopped");
        assertThatThrownBy(() -> op.cleanup(request(Set.of("ms-crashed"), false, Optional.empty()), ProgressListener.NONE))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED));
        assertThatThrownBy(() -> op.cleanup(request(Set.of("ms-1"), true, Optional.empty()), ProgressListener.NONE))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("is live");

        UpgradeResult result = op.cleanup(request(Set.of("ms-crashed"), true, Optional.empty()), ProgressListener.NONE);

        assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(db.rows("SELECT action, detail FROM dbcreator_audit")).singleElement()
                .satisfies(row -> assertThat(row).startsWith("EXCLUDE_NODE | Node 'ms-crashed' excluded"));
        assertThat(db.rows("SELECT operator FROM dbcreator_audit")).singleElement()
                .satisfies(operator -> assertThat(operator).startsWith(db.admin().user() + "@"));
    }

    @Test
    void waitShouldPollUntilTheLastNodeIsRestartedOnTheTarget() throws Exception {
        node("ms-1", NEW, "Up", 0);
        node("ms-2", OLD, "Up", 0);
        List<NodeWait> waits = new CopyOnWriteArrayList<>();
        CompletableFuture<UpgradeResult> cleanup = CompletableFuture.supplyAsync(() -> op.cleanup(
                request(Set.of(), false, Optional.of(Duration.ofMinutes(2))), event -> {
                    if (event instanceof NodeWait w) {
                        waits.add(w);
                    }
                }));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waits.stream().noneMatch(w -> w.gate().blockers().stream().map(NodeStatus::name).toList()
                .equals(List.of("ms-2")))) {
            assertThat(System.nanoTime()).as("a waiting notice").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling for the notice, not waiting out a duration
        }
        assertThat(cleanup).isNotDone();

        node("ms-2", NEW, "Up", 0); // the operator restarted ms-2 on the new release

        assertThat(cleanup.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
    }

    private GateReport nodes() {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return engine.nodes(Optional.of(Version.parse(NEW))).orElseThrow();
        }
    }
}
