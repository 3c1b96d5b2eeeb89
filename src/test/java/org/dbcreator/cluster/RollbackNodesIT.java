package org.dbcreator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Step;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.NextAction;
import org.dbcreator.engine.RollbackRequest;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.engine.UpgradeResult;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.StrictSchema;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollback's node gate against demo nodes: refused while a node of the new release is live,
 * naming it; allowed once it stopped; the old-release nodes keep working through the rollback,
 * and every write they or the new node saw acknowledged is still there afterwards, as written: for
 * the whole way back, and for each single step with an old and a new node writing.
 */
@ExtendWith(TestDatabaseExtension.class)
class RollbackNodesIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version OLDEST = CATALOG.baselineVersion();
    private static final Version LATEST = CATALOG.latestVersion();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Checked as the capacity last written to the host: a later write of its node changes them. */
    private static final List<String> CAPACITY_COLUMNS = List.of("cpu_cores", "ram_mb");
    private static final Map<Integer, String> LEVEL_OF_SEVERITY = Map.of(3, "ERROR", 4, "WARN", 6, "INFO", 7, "DEBUG");

    private final List<NodeWrite> acks = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, DemoNode> running = new LinkedHashMap<>();
    private TestDatabase db;

    @AfterEach
    void stopNodesLeftRunning() {
        running.values().forEach(DemoNode::stop);
    }

    @Test
    void rollbackShouldWaitForTheNewReleaseNodesThenKeepEveryAcknowledgedWrite(TestDatabase db) throws Exception {
        this.db = db;
        engine(e -> e.deploy(Optional.of(OLDEST), new SampleSize(2_000, SampleSize.DEFAULT_SEED)));
        start("old-1", OLDEST);
        engine(e -> e.upgrade(Optional.of(LATEST), false, BackupPolicy.skip()));
        start("new-1", LATEST);
        awaitWork(20);

        assertThatThrownBy(() -> engine(e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none())))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_NODES_NOT_READY);
                    assertThat(e.code().exitCode()).isEqualTo(80);
                    assertThat(e.getMessage()).contains("new-1").contains("restart it on " + OLDEST)
                            .doesNotContain("old-1");
                    assertThat(e.fix()).contains(new NextAction.RestartNodes(OLDEST, List.of("new-1")));
                });
        assertThat(db.rows("SELECT phase, highest_release FROM dbcreator_state")).as("a refusal changes nothing")
                .containsExactly("EXPANDED | " + LATEST);

        NodeReport stopped = running.remove("new-1").stop();
        assertThat(stopped.stats().errors()).as("errors of new-1: %s", stopped.stats().lastErrors()).isZero();
        // new-1 wrote what only 4.3.0 knows (host uuids, accounts in domains, overcommits): listed, refused, then accepted.
        assertThatThrownBy(() -> engine(e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none())))
                .isInstanceOfSatisfying(DbCreatorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ROLLBACK_DROPS_DATA);
                    assertThat(e.getMessage()).contains("column host.uuid (4.1.0)", "column account.domain_id (4.3.0)");
                });
        UpgradeResult rollback = engine(e -> e.rollback(RollbackRequest.toOldRelease().acceptingDataLoss(),
                Cancellation.none()));
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'")).isEqualTo(1L);
        awaitWork(20);

        assertThat(rollback.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(db.rows("SELECT phase, schema_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | " + OLDEST + " | " + OLDEST + " | " + OLDEST);
        NodeReport old = running.remove("old-1").stop();
        assertThat(old.ending()).isEqualTo(DemoNode.Ending.STOPPED);
        assertThat(old.stats().errors()).as("errors of old-1: %s", old.stats().lastErrors()).isZero();
        assertThat(old.stats().acknowledgedWrites() + stopped.stats().acknowledgedWrites()).isEqualTo(acks.size());
        assertEveryAcknowledgedWriteReadsAsWritten();

        start("old-2", OLDEST); // an old node starts and works on the rolled-back database
        awaitWork(10);
        assertThat(running.remove("old-2").stop().stats().errors()).isZero();
        assertThatThrownBy(() -> start("new-2", LATEST)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NODE_NOT_ALLOWED));
    }

    static Stream<Step> everyStep() {
        return CATALOG.manifest().steps().stream();
    }

    /** One hop rolled back while an old node writes: nothing it or the stopped new node saw acknowledged is lost. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStep")
    void rollbackOfOneStepShouldKeepEveryAcknowledgedWriteWhileOldNodesWrite(Step step, TestDatabase db,
            TestDatabase fresh) throws Exception {
        this.db = db;
        engine(e -> e.deploy(Optional.of(step.from()), new SampleSize(300, SampleSize.DEFAULT_SEED)));
        start("old-1", step.from());
        engine(e -> e.upgrade(Optional.of(step.to()), false, BackupPolicy.skip()));
        start("new-1", step.to());
        awaitWork(10);
        NodeReport stopped = running.remove("new-1").stop();
        assertThat(stopped.stats().errors()).as("errors of new-1: %s", stopped.stats().lastErrors()).isZero();

        UpgradeResult rollback = engine(e -> e.rollback(RollbackRequest.toOldRelease().acceptingDataLoss(),
                Cancellation.none()));
        awaitWork(10);
        NodeReport old = running.remove("old-1").stop();

        assertThat(rollback.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(old.stats().errors()).as("errors of old-1: %s", old.stats().lastErrors()).isZero();
        assertThat(old.stats().acknowledgedWrites() + stopped.stats().acknowledgedWrites()).isEqualTo(acks.size());
        assertThat(db.rows("SELECT phase, schema_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | " + step.from() + " | " + step.from() + " | " + step.from());
        try (DbCreator engine = DbCreator.connect(CATALOG, fresh.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(step.from()), SampleSize.none());
        }
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(StrictSchema.of(fresh));
        assertEveryAcknowledgedWriteReadsAsWritten();
        start("old-2", step.from()); // an old node reads and writes the rolled-back database
        awaitWork(5);
        assertThat(running.remove("old-2").stop().stats().errors()).isZero();
    }

    /**
     * Each acknowledged insert is there with the values its node wrote, in every column the old release
     * still has (a level a new node wrote as severity reads as the level the triggers kept), and each
     * host holds the capacity last written to it, copied back where only host_capacity held it.
     */
    private void assertEveryAcknowledgedWriteReadsAsWritten() throws SQLException {
        List<NodeWrite> writes = List.copyOf(acks);
        assertThat(writes).as("acknowledged writes").isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        Map<Long, List<?>> lastCapacity = new TreeMap<>();
        for (NodeWrite w : writes) {
            List<String> columns = db.rows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                    + db.name() + "' AND TABLE_NAME = '" + w.table() + "'");
            Map<String, Object> expected = new TreeMap<>();
            w.values().forEach((column, value) -> {
                if (columns.contains(column) && !CAPACITY_COLUMNS.contains(column)) {
                    expected.put(column, value);
                }
            });
            if (w.values().containsKey("severity") && columns.contains("level") && !columns.contains("severity")) {
                expected.put("level", LEVEL_OF_SEVERITY.get(((Number) w.values().get("severity")).intValue()));
            }
            if (w.values().get("capacity") instanceof List<?> capacity) {
                lastCapacity.put(w.id(), capacity);
            }
            if (w.insert()) {
                String select = expected.isEmpty() ? "1" : String.join(", ", expected.keySet());
                List<String> row = db.rows("SELECT " + select + " FROM `" + w.table() + "` WHERE id = " + w.id());
                String wanted = expected.isEmpty() ? "1" : String.join(" | ", expected.values().stream()
                        .map(String::valueOf).toList());
                if (!row.equals(List.of(wanted))) {
                    mismatches.add(w.table() + " " + w.id() + " reads " + row + " instead of " + wanted);
                }
            }
        }
        lastCapacity.forEach((host, capacity) -> {
            try {
                List<String> row = db.rows("SELECT cpu_cores, ram_mb FROM host WHERE id = " + host);
                if (!row.equals(List.of(capacity.get(0) + " | " + capacity.get(1)))) {
                    mismatches.add("host " + host + " capacity reads " + row + " instead of " + capacity);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(mismatches).as("acknowledged writes lost or changed after the rollback").isEmpty();
    }

    private void start(String name, Version release) {
        DemoNode node = DbCreator.startNode(CATALOG, db.admin(), new DemoNode.Options(name, release, 20,
                Duration.ofMillis(500)), acks::add);
        running.put(name, node);
    }

    private void awaitWork(long units) throws InterruptedException {
        Map<String, Long> from = new LinkedHashMap<>();
        running.forEach((name, node) -> from.put(name, node.stats().transactions()));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (running.entrySet().stream().anyMatch(n -> n.getValue().stats().transactions() - from.get(n.getKey()) < units)) {
            running.forEach((name, node) -> assertThat(node.stats().errors()).as("errors of %s: %s", name,
                    node.stats().lastErrors()).isZero());
            assertThat(System.nanoTime()).as("%d units from every node within %s", units, PATIENCE).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling for the work done, not waiting out a duration
        }
    }

    private <T> T engine(java.util.function.Function<DbCreator, T> work) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            return work.apply(engine);
        }
    }
}
