package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node registry snapshot a wizard polls every two seconds: a few hundred nodes judged in one
 * query, each verdict as the rows on the server say, in a few milliseconds.
 */
@ExtendWith(TestDatabaseExtension.class)
class NodeSnapshotIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Version TARGET = CATALOG.latestVersion();

    private static void nodes(TestDatabase db, String prefix, int count, String release, String state, int secondsAgo)
            throws SQLException {
        try (Connection c = db.server().adminConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO "
                + db.name() + ".mshost (name, version, state, last_update, created)"
                + " VALUES (?, ?, ?, NOW(3) - INTERVAL ? SECOND, NOW())")) {
            for (int i = 0; i < count; i++) {
                ps.setString(1, prefix + i);
                ps.setString(2, release);
                ps.setString(3, state);
                ps.setInt(4, secondsAgo);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void aSnapshotOfThreeHundredNodesShouldJudgeEachInOneCheapRead(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.empty());
            nodes(db, "ready-", 100, TARGET.toString(), "Up", 0);
            nodes(db, "restarting-", 100, "4.2.0", "Up", 1);
            nodes(db, "crashed-", 50, "4.2.0", "Up", 600);
            nodes(db, "failing-", 30, "4.2.0", "Error", 2);
            nodes(db, "stopped-", 20, "4.2.0", "Down", 900);

            GateReport gate = engine.nodes(TARGET, Set.of()).orElseThrow();

            Map<NodeStatus.Verdict, Long> verdicts = gate.nodes().stream()
                    .collect(Collectors.groupingBy(NodeStatus::verdict, Collectors.counting()));
            assertThat(verdicts).containsOnly(Map.entry(NodeStatus.Verdict.READY, 100L),
                    Map.entry(NodeStatus.Verdict.WAITING, 100L), Map.entry(NodeStatus.Verdict.BLOCKED, 50L),
                    Map.entry(NodeStatus.Verdict.FAILED, 30L), Map.entry(NodeStatus.Verdict.IGNORED, 20L));
            assertThat(gate.nodes()).allSatisfy(n -> assertThat(n.name()).startsWith(switch (n.verdict()) {
                case READY -> "ready-";
                case WAITING -> "restarting-";
                case BLOCKED -> "crashed-";
                case FAILED -> "failing-";
                case IGNORED -> "stopped-";
            }));
            assertThat(gate.verdict()).isEqualTo(GateReport.Verdict.BLOCKED);

            for (int i = 0; i < 20; i++) {
                engine.nodes(TARGET, Set.of()); // warm up the pool, the driver and the JIT
            }
            long[] micros = new long[100];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                engine.nodes(TARGET, Set.of());
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            long[] query = rawQueryMicros(engine, 100);
            System.out.printf("node snapshot of %d nodes: median %.2f ms, p95 %.2f ms, max %.2f ms; the registry query"
                    + " alone on a dedicated connection: median %.2f ms, p95 %.2f ms%n", gate.nodes().size(),
                    micros[50] / 1000.0, micros[95] / 1000.0, micros[99] / 1000.0, query[50] / 1000.0, query[95] / 1000.0);
            assertThat(micros[50]).as("median microseconds of one snapshot; polled every 2,000,000").isLessThan(100_000);
        }
    }

    /** The same query as the reader's, timed alone: what the snapshot adds around it is borrowing and judging. */
    private static long[] rawQueryMicros(DbCreator engine, int times) throws SQLException {
        long[] micros = new long[times];
        try (Connection c = engine.database().dedicatedConnection()) {
            c.setCatalog(engine.database().databaseName()); // before the statement, which keeps the database it was made in
            java.sql.Statement s = c.createStatement();
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                try (java.sql.ResultSet rs = s.executeQuery("SELECT `name`, `version`, `state`,"
                        + " TIMESTAMPDIFF(MICROSECOND, `last_update`, NOW(3)) FROM `mshost` ORDER BY 1")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                micros[i] = (System.nanoTime() - start) / 1000;
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    @Test
    void onlyRestartsUnderWayShouldMakeTheGateWait(TestDatabase db) throws SQLException {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.empty());
            nodes(db, "ready-", 2, TARGET.toString(), "Up", 0);
            nodes(db, "restarting-", 1, "4.2.0", "Up", 0);

            GateReport waiting = engine.nodes(TARGET, Set.of()).orElseThrow();
            db.execute("UPDATE mshost SET version = '" + TARGET + "' WHERE name = 'restarting-0'");
            GateReport open = engine.nodes(TARGET, Set.of()).orElseThrow();

            assertThat(waiting.verdict()).isEqualTo(GateReport.Verdict.WAITING);
            assertThat(waiting.blockers()).singleElement().satisfies(n -> {
                assertThat(n.name()).isEqualTo("restarting-0");
                assertThat(n.reason()).contains("restart it on " + TARGET);
            });
            assertThat(open.verdict()).isEqualTo(GateReport.Verdict.OPEN);
            assertThat(open.nodes().stream().collect(Collectors.toMap(NodeStatus::name, Function.identity())))
                    .hasSize(3);
        }
    }
}
