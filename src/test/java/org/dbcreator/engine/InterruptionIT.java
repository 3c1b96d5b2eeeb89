package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An upgrade (expand, then cleanup) interrupted at any statement, by a killed connection or a
 * killed process, resumes when run again and ends exactly like an uninterrupted one.
 */
@ExtendWith(TestDatabaseExtension.class)
class InterruptionIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String OLDEST = CATALOG.baselineVersion().toString();

    /** A point is a statement or batch of the upgrade's expand phase, then of its cleanup phase. */
    record Point(String operation, int after) {
        @Override
        public String toString() {
            return operation + " after step " + after;
        }
    }

    static Stream<Point> everyPoint() {
        List<Point> points = new ArrayList<>();
        try (TestDatabase db = TestDatabase.unique()) {
            Operator op = new Operator(CATALOG, db.admin());
            op.deploy(OLDEST, SampleSize.none());
            int expandSteps = countSteps(op::upgrade);
            int cleanupSteps = countSteps(op::cleanup);
            IntStream.range(0, expandSteps).forEach(i -> points.add(new Point("upgrade", i)));
            IntStream.range(0, cleanupSteps).forEach(i -> points.add(new Point("cleanup", i)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return points.stream();
    }

    private static int countSteps(Function<ProgressListener, UpgradeResult> operation) {
        AtomicInteger steps = new AtomicInteger();
        operation.apply(event -> {
            if (isStep(event)) {
                steps.incrementAndGet();
            }
        });
        return steps.get();
    }

    private static boolean isStep(ProgressEvent event) {
        return event instanceof ProgressEvent.StatementDone || event instanceof ProgressEvent.BatchDone;
    }

    @ParameterizedTest(name = "connection killed: {0}")
    @MethodSource("everyPoint")
    void upgradeShouldResumeAfterTheConnectionWasKilled(Point point, TestDatabase db) throws SQLException {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(OLDEST, SampleSize.none());
        if (point.operation().equals("cleanup")) {
            op.upgrade(ProgressListener.NONE);
        }
        AtomicInteger seen = new AtomicInteger();
        ProgressListener killer = event -> {
            if (isStep(event) && seen.getAndIncrement() == point.after()) {
                killConnectionsTo(db);
            }
        };

        assertThatThrownBy(() -> run(op, point.operation(), killer)).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).as(point + ": " + e.getMessage()).isEqualTo(ErrorCode.CONNECTION_LOST));
        assertThat(op.status().phase()).contains(point.operation().equals("upgrade") ? Phase.EXPANDING : Phase.CLEANING);

        finishAndCompare(op, point.operation(), db);
    }

    @ParameterizedTest(name = "process halted: {0}")
    @MethodSource("everyPoint")
    void upgradeShouldResumeAfterTheProcessDied(Point point, TestDatabase db) throws Exception {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(OLDEST, SampleSize.none());
        if (point.operation().equals("cleanup")) {
            op.upgrade(ProgressListener.NONE);
        }

        Process halted = haltingRun(db, point.operation(), point.after() + 1, null).start();
        assertThat(halted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(halted.exitValue()).as(new String(halted.getInputStream().readAllBytes())).isEqualTo(137);
        assertThat(op.status().phase()).contains(point.operation().equals("upgrade") ? Phase.EXPANDING : Phase.CLEANING);

        finishAndCompare(op, point.operation(), db);
    }

    @Test
    void upgradeShouldWaitForAnOrphanedStatementThenJudgeIt(TestDatabase db, @TempDir Path temp)
            throws Exception {
        Path slowCatalog = Path.of("src/test/resources/catalogs/slow");
        Operator op = new Operator(Catalog.fromDirectory(slowCatalog), db.admin());
        op.deploy("1.0.0", SampleSize.none());
        Process process = haltingRun(db, "upgrade", 0, slowCatalog).start();
        awaitStatementOnServer(db, "CREATE TABLE item_snapshot");
        process.destroyForcibly(); // SIGKILL while the statement runs on the server
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> notices = new ArrayList<>();
        List<ProgressEvent.OrphanWait> waits = new ArrayList<>();
        UpgradeResult resumed = op.upgrade(event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            } else if (event instanceof ProgressEvent.OrphanWait w) {
                waits.add(w);
            }
        });

        assertThat(resumed.outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        assertThat(waits).isNotEmpty().allSatisfy(w -> assertThat(w.sessionId()).isEqualTo(waits.get(0).sessionId()));
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("took effect"));
        assertThat(db.number("SELECT COUNT(*) FROM item_snapshot")).isEqualTo(2);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome = 'JUDGED_DONE'")).isEqualTo(1);
    }

    private static UpgradeResult run(Operator op, String operation, ProgressListener listener) {
        return operation.equals("upgrade") ? op.upgrade(listener) : op.cleanup(listener);
    }

    /** Resumes the interrupted phase, completes the upgrade, and compares with an uninterrupted one. */
    private static void finishAndCompare(Operator op, String operation, TestDatabase db) throws SQLException {
        assertThat(run(op, operation, ProgressListener.NONE).outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        if (operation.equals("upgrade")) {
            op.cleanup(ProgressListener.NONE);
        }
        try (TestDatabase reference = TestDatabase.unique()) {
            Operator ref = new Operator(CATALOG, reference.admin());
            ref.deploy(OLDEST, SampleSize.none());
            ref.upgrade(ProgressListener.NONE);
            ref.cleanup(ProgressListener.NONE);
            assertThat(UpgradeIT.productSchema(db).differencesFrom(UpgradeIT.productSchema(reference))).isEmpty();
            String applied = "SELECT operation, kind, script, checksum FROM dbcreator_history ORDER BY id";
            assertThat(db.rows(applied)).isEqualTo(reference.rows(applied));
            String state = "SELECT schema_version, phase, lowest_release, highest_release, run_id FROM dbcreator_state";
            assertThat(db.rows(state)).isEqualTo(reference.rows(state));
        }
    }

    private static ProcessBuilder haltingRun(TestDatabase db, String operation, int haltAfter, Path catalog) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HaltingRun.class.getName(), db.admin().host(),
                String.valueOf(db.admin().port()), db.admin().user(), db.name(), operation, String.valueOf(haltAfter)));
        if (catalog != null) {
            command.add(catalog.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DBCREATOR_PASSWORD", db.admin().password().reveal());
        return builder;
    }

    private static void awaitStatementOnServer(TestDatabase db, String fragment) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!db.rows("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE '%" + fragment + "%'"
                    + " AND INFO LIKE '/* dbcreator%'").isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling the server for a state change, not waiting out a duration
        }
        throw new AssertionError("the statement never showed up in the process list: " + fragment);
    }

    /** Kills, from the server side, every connection whose default database is the test's. */
    static void killConnectionsTo(TestDatabase db) {
        try (Connection c = TestServer.get().adminConnection(); Statement s = c.createStatement()) {
            for (String id : db.rows("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                    + "' AND ID <> CONNECTION_ID()")) {
                s.execute("KILL CONNECTION " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
