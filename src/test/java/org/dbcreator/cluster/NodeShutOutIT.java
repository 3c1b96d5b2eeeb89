package org.dbcreator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.BackupPolicy;
import org.dbcreator.engine.CleanupRequest;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node cut off from the registry (its heartbeat stale) but still working when the operator
 * excludes it and cleans up: the contract it reads before each unit of work shuts it out, so it
 * stops by itself, marked down, instead of writing against a half-cleaned schema.
 */
@ExtendWith(TestDatabaseExtension.class)
class NodeShutOutIT {

    @Test
    void excludedNodeStillRunningShouldStopItselfWhenTheCleanupBegins(TestDatabase db, @TempDir Path temp) throws Exception {
        Catalog catalog = Catalog.fromDirectory(TestCatalogs.withStaleAfter(temp, "1s"));
        Version oldest = catalog.baselineVersion();
        try (DbCreator engine = DbCreator.connect(catalog, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(oldest), new SampleSize(1_000, 5));
            engine.upgrade(Optional.empty(), false, BackupPolicy.skip());
        }
        // A heartbeat far apart: the registry sees a stale node while the node goes on working.
        DemoNode node = DbCreator.startNode(catalog, db.admin(), new DemoNode.Options("cut-off", oldest, 20,
                Duration.ofHours(1)), write -> {});
        awaitUnits(node, 20);
        awaitStale(db, "cut-off");

        try (DbCreator engine = DbCreator.connect(catalog, db.admin(), ProgressListener.NONE)) {
            engine.cleanup(new CleanupRequest(false, false, Set.of("cut-off"), true, Optional.empty()));
        }

        assertThat(node.awaitEnd(Duration.ofSeconds(30))).as("the node stopped by itself").isTrue();
        NodeReport report = node.stop();
        assertThat(report.ending()).isEqualTo(DemoNode.Ending.SHUT_OUT);
        assertThat(report.reason()).contains("4.3.0 to 4.3.0");
        assertThat(report.stats().errors()).as(report.stats().lastErrors().toString()).isZero();
        assertThat(db.rows("SELECT name, version, state FROM mshost")).containsExactly("cut-off | 4.0.0 | Down");
    }

    /** Polls until the node's heartbeat, in the server's clock, is older than stale-after (1 s). */
    private static void awaitStale(TestDatabase db, String node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.number("SELECT COUNT(*) FROM mshost WHERE name = '" + node + "'"
                + " AND TIMESTAMPDIFF(MICROSECOND, last_update, NOW(3)) > 1500000") == 0) {
            assertThat(System.nanoTime()).as(node + " went stale in time").isLessThan(deadline);
            Thread.sleep(50); // polling the registry
        }
    }

    private static void awaitUnits(DemoNode node, long units) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (node.stats().transactions() < units) {
            assertThat(System.nanoTime()).as("node made " + units + " units of work in time").isLessThan(deadline);
            Thread.sleep(50); // polling the node's counter
        }
    }
}
