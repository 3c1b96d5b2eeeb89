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
import java.util.concurrent.TimeUnit;
import org.dbcreator.catalog.Catalog;
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
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rollback's node gate against demo nodes: refused while a node of the new release is live,
 * naming it; allowed once it stopped; the old-release nodes keep working through the rollback,
 * and every write they or the new node saw acknowledged is still there afterwards.
 */
@ExtendWith(TestDatabaseExtension.class)
class RollbackNodesIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version OLDEST = CATALOG.baselineVersion();
    private static final Version LATEST = CATALOG.latestVersion();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

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
        UpgradeResult rollback = engine(e -> e.rollback(RollbackRequest.toOldRelease(), Cancellation.none()));
        awaitWork(20);

        assertThat(rollback.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertThat(db.rows("SELECT phase, schema_version, lowest_release, highest_release FROM dbcreator_state"))
                .containsExactly("CLEAN | " + OLDEST + " | " + OLDEST + " | " + OLDEST);
        NodeReport old = running.remove("old-1").stop();
        assertThat(old.ending()).isEqualTo(DemoNode.Ending.STOPPED);
        assertThat(old.stats().errors()).as("errors of old-1: %s", old.stats().lastErrors()).isZero();
        assertThat(old.stats().acknowledgedWrites() + stopped.stats().acknowledgedWrites()).isEqualTo(acks.size());
        List<String> missing = new ArrayList<>();
        for (NodeWrite w : List.copyOf(acks)) {
            if (w.insert() && db.number("SELECT COUNT(*) FROM `" + w.table() + "` WHERE id = " + w.id()) != 1) {
                missing.add(w.table() + " " + w.id());
            }
        }
        assertThat(acks).as("acknowledged writes").isNotEmpty();
        assertThat(missing).as("acknowledged inserts missing after the rollback").isEmpty();

        start("old-2", OLDEST); // an old node starts and works on the rolled-back database
        awaitWork(10);
        assertThat(running.remove("old-2").stop().stats().errors()).isZero();
        assertThatThrownBy(() -> start("new-2", LATEST)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NODE_NOT_ALLOWED));
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
