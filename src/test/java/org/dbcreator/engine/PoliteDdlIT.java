package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.NodeReport;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long transaction holds a table's metadata lock while the expand wants to alter it: the expand
 * waits politely, names the blocker, never holds a running 4.0.0 demo node's work up for more than
 * about a second (nor makes it fail), and finishes once the transaction ends.
 */
@ExtendWith(TestDatabaseExtension.class)
class PoliteDdlIT {

    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    void expandShouldWaitPolitelyBehindALongTransaction(TestDatabase db) throws Exception {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(CATALOG.baselineVersion().toString(), SampleSize.none());
        db.execute("INSERT INTO data_center (id, uuid, name, created) VALUES (1, UUID(), 'dc', NOW())",
                "INSERT INTO host (id, name, data_center_id, hypervisor_type, cpu_cores, ram_mb, created)"
                        + " VALUES (1, 'h1', 1, 'KVM', 8, 16384, NOW())");

        try (Connection blocker = TestServer.get().adminConnection()) {
            blocker.setCatalog(db.name());
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM host")) {
                rs.next(); // the open transaction now holds host's metadata lock until it ends
            }
            long blockerId = connectionId(blocker);

            List<ProgressEvent.LockWait> waits = new CopyOnWriteArrayList<>();
            CompletableFuture<UpgradeResult> upgrade = CompletableFuture.supplyAsync(() -> op.upgrade(event -> {
                if (event instanceof ProgressEvent.LockWait w) {
                    waits.add(w);
                }
            }));
            DemoNode node = DbCreator.startNode(CATALOG, db.admin(), new DemoNode.Options("ms-1", CATALOG.baselineVersion(),
                    20, Duration.ofSeconds(1)), write -> {});

            awaitWait(waits, 3); // it keeps trying while the blocker stays
            blocker.commit();
            UpgradeResult result = upgrade.get(60, TimeUnit.SECONDS);
            NodeReport nodeReport = node.stop();

            assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
            assertThat(waits).allSatisfy(w -> assertThat(w.blockersVisible()).isTrue())
                    .anySatisfy(w -> assertThat(w.blockers()).anySatisfy(b -> {
                        assertThat(b.sessionId()).isEqualTo(blockerId);
                        assertThat(b.user()).isEqualTo(db.admin().user());
                        assertThat(b.running()).as("idle in its transaction").isEmpty();
                    }));
            assertThat(nodeReport.stats().errors()).as(nodeReport.stats().lastErrors().toString()).isZero();
            assertThat(nodeReport.stats().transactions()).isPositive();
            assertThat(nodeReport.stats().maxMillis()).as("the 4.0.0 node's longest unit of work while the expand waited")
                    .isLessThan(PoliteDdl.LOCK_WAIT_SECONDS * 1000L + 1500);
            assertThat(db.number("SELECT COUNT(*) FROM host WHERE id = 1 AND uuid IS NOT NULL")).as("backfilled").isEqualTo(1);
        }
    }

    /**
     * On MariaDB an online ALTER of host locks host_capacity, which references it, when it commits,
     * holding host's metadata lock meanwhile. A node transaction that wrote host_capacity and then
     * reads host waits for the ALTER, which waits for the node: the ALTER must give up within about
     * a second, as it does for a metadata lock, not hold the node for innodb_lock_wait_timeout.
     */
    @Test
    void cleanupShouldNotHoldANodeBehindAnAlterWaitingForTheNodesTableLock(TestDatabase db) throws Exception {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(CATALOG.baselineVersion().toString(), SampleSize.none());
        assumeTrue(db.rows("SELECT VERSION()").get(0).contains("MariaDB"), "only MariaDB locks referencing tables at commit");
        op.upgrade(ProgressListener.NONE);
        db.execute("INSERT INTO data_center (id, uuid, name, created) VALUES (1, UUID(), 'dc', NOW())",
                "INSERT INTO host (id, name, data_center_id, hypervisor_type, cpu_cores, ram_mb, created, uuid)"
                        + " VALUES (1, 'h1', 1, 'KVM', 8, 16384, NOW(), UUID())"); // the expand's trigger copies the capacity

        try (Connection node = TestServer.get().adminConnection()) {
            node.setCatalog(db.name());
            try (Statement s = node.createStatement()) {
                // Far above what one attempt of the cleanup's DDL may last, far below innodb_lock_wait_timeout.
                s.execute("SET SESSION lock_wait_timeout = 10");
            }
            node.setAutoCommit(false);
            try (Statement s = node.createStatement()) {
                s.executeUpdate("UPDATE host_capacity SET cpu_overcommit = 2.00 WHERE host_id = 1");
            }
            List<ProgressEvent.LockWait> waits = new CopyOnWriteArrayList<>();
            CompletableFuture<UpgradeResult> cleanup = CompletableFuture.supplyAsync(() -> op.cleanup(
                    new CleanupRequest(false, false, Set.of(), false, Optional.empty()), event -> {
                        if (event instanceof ProgressEvent.LockWait w) {
                            waits.add(w);
                        }
                    }));
            awaitAlterCommitting(db, "ALTER TABLE host ", cleanup);

            try (Statement s = node.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM host WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("h1");
            }
            node.commit();

            assertThat(cleanup.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
            assertThat(waits).anySatisfy(w -> {
                assertThat(w.where()).startsWith("4.1.0/cleanup.sql:");
                assertThat(w.attempt()).isEqualTo(2);
            });
        }
    }

    /** Polls until a statement of this test's database starting with {@code alter} commits, holding the table's metadata lock. */
    private static void awaitAlterCommitting(TestDatabase db, String alter, CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                + " AND STATE = 'Committing alter table to storage engine' AND INFO LIKE '%*/ " + alter + "%'") == 0) {
            if (run.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + alter + "' commits; the run " + (run.isDone()
                        ? "ended: " + run.handle((result, failure) -> failure == null ? result : failure).join() : "goes on"));
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling for the server's state, not waiting out a duration
        }
    }

    private static void awaitWait(List<ProgressEvent.LockWait> waits, int attempt) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (waits.stream().noneMatch(w -> w.attempt() == attempt)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no lock wait before attempt " + attempt + " in " + waits);
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling for an event, not waiting out a duration
        }
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
