package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbcreator demo-node} as an operator runs it: refusals, Ctrl-C, and a kill. */
@ExtendWith(TestDatabaseExtension.class)
class DemoNodeCommandIT {

    private static final String REGISTRY = "SELECT name, version, state FROM mshost ORDER BY name";

    @Test
    void releaseOutsideTheRangeShouldBeRefusedWithExit81AndRegisterNothing(TestDatabase db) throws SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.3.0").exitCode()).isZero();
        Footprint before = Footprint.of(db);

        DbCreatorCli.Result result = DbCreatorCli.run(db.admin(), "demo-node", "--release", "4.0.0", "--name", "old-1");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(81);
        assertThat(result.err()).contains("error NODE_NOT_ALLOWED", "Node old-1 of release 4.0.0 may not start",
                "only releases 4.3.0 to 4.3.0 (CLEAN) may run now");
        assertThat(db.rows(REGISTRY)).isEmpty();
        assertThat(Footprint.of(db)).isEqualTo(before);
    }

    @Test
    void badArgumentsShouldBeRefusedBeforeTheNodeRegisters(TestDatabase db, @TempDir Path temp) throws SQLException {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.3.0").exitCode()).isZero();

        DbCreatorCli.Result noRate = DbCreatorCli.run(db.admin(), "demo-node", "--release", "4.3.0", "--rate", "0");
        DbCreatorCli.Result unknown = DbCreatorCli.run(db.admin(), "demo-node", "--release", "9.9.9");
        DbCreatorCli.Result badReport = DbCreatorCli.run(db.admin(), "demo-node", "--release", "4.3.0", "--report",
                temp.resolve("missing/report.json").toString());

        assertThat(noRate.exitCode()).as(noRate.all()).isEqualTo(40);
        assertThat(noRate.err()).contains("rate must be more than 0 and at most 10000", "not 0.");
        assertThat(unknown.exitCode()).as(unknown.all()).isEqualTo(41);
        DbCreatorCli.Result missing = DbCreatorCli.run(db.admin().withDatabase(db.name() + "_missing"), "demo-node",
                "--release", "4.3.0");
        assertThat(missing.exitCode()).as(missing.all()).isEqualTo(63);
        assertThat(badReport.exitCode()).as(badReport.all()).isEqualTo(40);
        assertThat(badReport.err()).contains("Give a --report path in a folder you can write to");
        assertThat(db.rows(REGISTRY)).isEmpty();
    }

    @Test
    void stoppedNodeShouldBeMarkedDownAndPrintItsReport(TestDatabase db, @TempDir Path temp) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.3.0").exitCode()).isZero();
        Path reportFile = temp.resolve("report.json");

        DbCreatorCli.Result result;
        try (DbCreatorCli.Background node = DbCreatorCli.inBackground(DbCreatorCli.passwordEnv(db.admin()),
                DbCreatorCli.withConnection(db.admin(), "demo-node", "--release", "4.3.0", "--name", "ms-1",
                        "--report", reportFile.toString()))) {
            node.awaitWaiting(Duration.ofSeconds(60));
            awaitRows(db, "SELECT COUNT(*) FROM event", 1);
            assertThat(db.rows(REGISTRY)).containsExactly("ms-1 | 4.3.0 | Up");
            result = node.stop();
        }

        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.path("node").asText()).isEqualTo("ms-1");
        assertThat(report.path("ending").asText()).isEqualTo("stopped");
        assertThat(report.path("errors").asLong()).as(result.out()).isZero();
        assertThat(report.path("acknowledged_writes").asLong()).isPositive();
        assertThat(report.path("latency_ms").path("max").asDouble()).isPositive();
        assertThat(new ObjectMapper().readTree(Files.readString(reportFile))).isEqualTo(report);
        assertThat(db.rows(REGISTRY)).containsExactly("ms-1 | 4.3.0 | Down");
    }

    @Test
    void killedNodeShouldGoStaleWhileATerminatedOneMarksItselfDown(TestDatabase db, @TempDir Path temp) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", "4.3.0").exitCode()).isZero();
        Path catalog = TestCatalogs.withStaleAfter(temp, "2s");

        Process killed = fork(db, catalog, "killed", temp.resolve("killed.out"));
        Process terminated = fork(db, catalog, "terminated", temp.resolve("terminated.out"));
        awaitOutput(temp.resolve("killed.out"), "Ctrl-C stops it");
        awaitOutput(temp.resolve("terminated.out"), "Ctrl-C stops it");
        killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
        terminated.destroy(); // SIGTERM, as a service manager stops it
        assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(terminated.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitRows(db, "SELECT COUNT(*) FROM mshost WHERE name = 'killed'" // its heartbeat past stale-after (2 s)
                + " AND TIMESTAMPDIFF(MICROSECOND, last_update, NOW(3)) > 3000000", 1);

        assertThat(db.rows(REGISTRY)).containsExactly("killed | 4.3.0 | Up", "terminated | 4.3.0 | Down");
        String terminatedOut = Files.readString(temp.resolve("terminated.out"));
        assertThat(terminatedOut).as("what the terminated node printed").contains("{");
        JsonNode report = new ObjectMapper().readTree(terminatedOut.substring(terminatedOut.indexOf('{')));
        assertThat(report.path("ending").asText()).isEqualTo("stopped");
        assertThat(report.path("errors").asLong()).as(terminatedOut).isZero();
        DbCreatorCli.Result nodes = DbCreatorCli.run(db.admin(), "nodes", "--catalog", catalog.toString());
        assertThat(nodes.out()).containsPattern("killed +4\\.3\\.0 +Up .* stale ")
                .containsPattern("terminated +4\\.3\\.0 +Down .* down ");
    }

    /** {@code dbcreator demo-node} in a JVM of its own, so that it can be killed. */
    private static Process fork(TestDatabase db, Path catalog, String name, Path output) throws IOException {
        return ForkedCli.start(db.admin(), output, "demo-node", "--release", "4.3.0", "--name", name,
                "--catalog", catalog.toString());
    }

    private static void awaitOutput(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(file).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never printed '" + text + "':\n" + Files.readString(file));
            }
            Thread.sleep(100);
        }
    }

    private static void awaitRows(TestDatabase db, String countQuery, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (db.number(countQuery) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never reached " + atLeast + ": " + countQuery);
            }
            Thread.sleep(100);
        }
    }
}
