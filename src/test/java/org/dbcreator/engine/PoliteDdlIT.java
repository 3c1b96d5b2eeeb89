package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long transaction holds a table's metadata lock while the expand wants to alter it: the expand
 * waits politely, names the blocker, never holds the nodes' queries up for more than about a
 * second, and finishes once the transaction ends.
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

        try (Connection blocker = TestServer.get().adminConnection(); Connection node = TestServer.get().adminConnection()) {
            blocker.setCatalog(db.name());
            node.setCatalog(db.name());
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM host")) {
                rs.next(); // the open transaction now holds host's metadata lock until it ends
            }
            long blockerId = connectionId(blocker);

            List<String> notices = new CopyOnWriteArrayList<>();
            CompletableFuture<UpgradeResult> upgrade = CompletableFuture.supplyAsync(() -> op.upgrade(event -> {
                if (event instanceof ProgressEvent.Notice n) {
                    notices.add(n.message());
                }
            }));
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong slowestNodeQueryMillis = new AtomicLong();
            CompletableFuture<Void> nodeLoad = CompletableFuture.runAsync(() -> queryLikeANode(node, running, slowestNodeQueryMillis));

            awaitNotice(notices, "waits for a metadata lock");
            awaitNotice(notices, "attempt 3"); // it keeps trying while the blocker stays
            blocker.commit();
            UpgradeResult result = upgrade.get(60, TimeUnit.SECONDS);
            running.set(false);
            nodeLoad.get(10, TimeUnit.SECONDS);

            assertThat(result.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
            assertThat(notices).anySatisfy(n -> assertThat(n).contains("connection " + blockerId));
            assertThat(slowestNodeQueryMillis.get()).as("longest node query while the expand waited")
                    .isLessThan(PoliteDdl.LOCK_WAIT_SECONDS * 1000L + 1500);
            assertThat(db.number("SELECT COUNT(*) FROM host WHERE uuid IS NOT NULL")).isEqualTo(1);
        }
    }

    private static void queryLikeANode(Connection node, AtomicBoolean running, AtomicLong slowest) {
        try (Statement s = node.createStatement()) {
            while (running.get()) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT name FROM host WHERE id = 1")) {
                    rs.next();
                }
                slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                TimeUnit.MILLISECONDS.sleep(20); // a node's pace between queries, not a wait for a result
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitNotice(List<String> notices, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (notices.stream().noneMatch(n -> n.contains(fragment))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no notice with '" + fragment + "' in " + notices);
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
