package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.testing.StrictSchema;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dbcreator rollback} in a process of its own, killed (SIGKILL: no shutdown hook, no
 * connection closed by the tool) part-way through the whole way back 4.3.0 -> 4.0.0, then run
 * again: it resumes and ends clean at 4.0.0 with the schema of a fresh deploy and every sample row.
 * Between the two, {@code status} tells of the interrupted rollback and the command that resumes it.
 *
 * <p>To kill it at a known point, another session holds a lock the rollback's next statement needs
 * (as a node's open transaction would); the rollback waits there on the server, and dies waiting.
 */
@ExtendWith(TestDatabaseExtension.class)
class KilledRollbackIT {

    private static final String OLD = Catalog.bundled().baselineVersion().toString();
    private static final String NEW = Catalog.bundled().latestVersion().toString();
    private static final int HOSTS_WRITTEN_ONLY_BY_NEW_RELEASE = 5;

    /**
     * Where the rollback is killed: when its journal shows {@code done} of its statements done, while
     * its next one runs on the server (the process list shows {@code waitingIn}) and waits for a lock
     * the open transaction after {@code hold} keeps; {@code setup} runs before the rollback starts,
     * {@code teardown} once it was killed.
     */
    record Point(int done, String name, String waitingIn, String hold, List<String> setup, List<String> teardown) {
        static Point ddl(int done, String waitingIn, String table) {
            return new Point(done, waitingIn, "/* dbcreator%" + waitingIn, "SELECT COUNT(*) FROM " + table, List.of(),
                    List.of());
        }

        @Override
        public String toString() {
            return "killed after " + done + " rollback statements, in " + name;
        }
    }

    /**
     * In the middle of the data step: copying the capacity back into host pauses on its first row,
     * as an UPDATE of millions of rows would still be running. Any lock on host or host_capacity held
     * from outside would stop the rollback earlier (its DROP TRIGGERs on host wait for them), so a
     * trigger of the test's waits for a user lock (named after the test's database) instead; it is
     * dropped again before the rollback resumes.
     * The journal shows 4 statements done, not 5: the end of the DROP TRIGGER before the UPDATE is
     * written with the UPDATE's own row, in its transaction; the resume judges the DROP TRIGGER.
     */
    private static final Point DATA_STEP = new Point(4, "the data step, UPDATE host h JOIN host_capacity c",
            "DO GET_LOCK('paused-{db}'", "SELECT GET_LOCK('paused-{db}', 0)",
            List.of("CREATE TRIGGER test_pause BEFORE UPDATE ON host FOR EACH ROW DO GET_LOCK('paused-{db}', 120)"),
            List.of("DROP TRIGGER test_pause"));

    static Stream<Point> points() {
        return Stream.of(
                Point.ddl(0, "ALTER TABLE host DROP INDEX ix_host_mgmt_server", "host"),
                Point.ddl(2, "DROP TABLE domain", "domain"),
                DATA_STEP,
                Point.ddl(10, "ALTER TABLE usage_event DROP INDEX", "usage_event"),
                Point.ddl(11, "DROP TRIGGER event_sync_severity_on_update", "event"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("points")
    void killedRollbackShouldResumeToTheStateOfAnUninterruptedOne(Point point, TestDatabase db, TestDatabase fresh,
            @TempDir Path temp) throws Exception {
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", OLD, "--sample-rows", "2000").exitCode()).isZero();
        List<String> rowsBefore = StrictSchema.rows(db);
        assertThat(DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup").exitCode()).isZero();
        // 4.3.0 nodes wrote some hosts' capacity only where 4.3.0 keeps it: the rollback's data step copies it back.
        db.execute("UPDATE host SET cpu_cores = NULL, ram_mb = NULL ORDER BY id LIMIT " + HOSTS_WRITTEN_ONLY_BY_NEW_RELEASE);
        Path output = temp.resolve("rollback.out");

        db.execute(point.setup().stream().map(sql -> sql.replace("{db}", db.name())).toArray(String[]::new));
        List<String> interrupted;
        Process rollback = null;
        try (Connection holder = openTransaction(db, point.hold().replace("{db}", db.name()))) {
            rollback = ForkedCli.start(db.admin(), output, "rollback", "--accept-data-loss");
            awaitWaitingIn(db, point.waitingIn().replace("{db}", db.name()), rollback, output);
            assertThat(doneThisRun(db)).as("statements done when killed").isEqualTo(point.done());
            rollback.destroyForcibly(); // SIGKILL
            assertThat(rollback.waitFor(60, TimeUnit.SECONDS)).isTrue();
            interrupted = db.rows("SELECT CONCAT(j.script, ':', j.statement_line) FROM dbcreator_journal j"
                    + " JOIN dbcreator_state s ON j.run_id = s.run_id WHERE j.outcome = 'STARTED'");
        } finally {
            if (rollback != null) {
                rollback.destroyForcibly();
            }
        }
        db.execute(point.teardown().toArray(String[]::new));

        assertThat(db.rows("SELECT phase, target_version, highest_release FROM dbcreator_state"))
                .as("interrupted, nodes of %s and older only", OLD).containsExactly("ROLLING_BACK | " + OLD + " | " + OLD);
        assertThat(doneThisRun(db)).isEqualTo(point.done());
        DbCreatorCli.Result status = DbCreatorCli.run(db.admin(), "status");
        assertThat(status.out()).as(status.all()).contains("ROLLING_BACK at " + OLD, "Node releases " + OLD + " to " + OLD)
                .containsPattern("Next +Resume the interrupted rollback to " + OLD + ": dbcreator rollback .*--target " + OLD);
        assertThat(interrupted).as("the statement killed while it ran").hasSize(1);
        assertThat(status.out()).containsPattern("Interrupted +" + interrupted.get(0)
                + " \\(statement \\d+, stopped while it ran\\)");
        System.out.printf("%s: journal's unfinished statement %s; status:%n%s", point, interrupted, status.out());

        // The command status names, run as printed (without --accept-data-loss): the host uuids 4.1.0's rollback
        // drops are still ahead, and the killed run's acceptance, recorded for this run, lets the resume go on.
        String acceptance = db.rows("SELECT operator FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'").get(0);
        DbCreatorCli.Result resumed = DbCreatorCli.run(DbCreatorCli.passwordEnv(db.admin()), nextCommand(status.out()));

        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("RESUMED", "The loss of column host.uuid (4.1.0)",
                "was accepted by " + acceptance);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_audit WHERE action = 'ACCEPT_DATA_LOSS'"))
                .as("accepted once, by the killed run").isEqualTo(1);
        assertThat(db.rows("SELECT phase, schema_version, target_version, lowest_release, highest_release, run_id"
                + " FROM dbcreator_state")).containsExactly("CLEAN | " + OLD + " | " + OLD + " | " + OLD + " | " + OLD
                        + " | null");
        assertThat(DbCreatorCli.run(fresh.admin(), "deploy", "--target", OLD).exitCode()).isZero();
        assertThat(StrictSchema.of(db)).containsExactlyElementsOf(StrictSchema.of(fresh));
        assertThat(StrictSchema.rows(db)).as("every sample row, capacity copied back").containsExactlyElementsOf(rowsBefore);
        assertThat(db.rows("SELECT version, kind, operation FROM dbcreator_history WHERE version <> '" + OLD + "'"
                + " ORDER BY version"))
                .containsExactly("4.1.0 | ROLLBACK | ROLLBACK", "4.2.0 | ROLLBACK | ROLLBACK", NEW + " | ROLLBACK | ROLLBACK");
        assertThat(db.number("SELECT IS_FREE_LOCK('dbcreator." + db.name() + "')")).as("operator lock free").isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_lock")).as("no holder recorded").isZero();
        assertThat(DbCreatorCli.run(db.admin(), "status").out()).doesNotContain("interrupted");
    }

    /** The arguments of the command on status's "Next" line. */
    private static String[] nextCommand(String status) {
        String next = status.lines().filter(l -> l.startsWith("Next ")).findFirst().orElseThrow();
        return next.substring(next.indexOf(": dbcreator ") + ": dbcreator ".length()).split(" ");
    }

    /** Rollback statements the run recorded as done (or judged done) in its journal. */
    private static long doneThisRun(TestDatabase db) throws SQLException {
        return db.number("SELECT COUNT(*) FROM dbcreator_journal j JOIN dbcreator_state s ON j.run_id = s.run_id"
                + " WHERE j.script LIKE '%/rollback.sql' AND j.outcome IN ('DONE', 'JUDGED_DONE')");
    }

    /** A session with a transaction left open after {@code sql}: it holds the locks {@code sql} took. */
    private static Connection openTransaction(TestDatabase db, String sql) throws SQLException {
        Connection c = TestServer.get().adminConnection();
        c.setCatalog(db.name());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return c;
    }

    /** Polls the process list until the rollback's statement {@code fragment} runs (and waits) on the server. */
    private static void awaitWaitingIn(TestDatabase db, String fragment, Process rollback, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + db.name() + "'"
                + " AND ID <> CONNECTION_ID() AND INFO LIKE '" + fragment.replace("'", "''") + "%'") == 0) {
            assertThat(rollback.isAlive()).as("the rollback still runs; it printed:\n%s", Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("'%s' waiting; printed:\n%s", fragment, Files.readString(output))
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20); // polling the server for a state change, not waiting out a duration
        }
    }
}
