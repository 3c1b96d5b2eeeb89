package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.demo.BackfillEventSeverity;
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

/**
 * The run's connection killed in the middle of a data-migration batch is a lost connection (34:
 * run it again, it resumes), never a statement the server refused (66: fix the cause).
 */
@ExtendWith(TestDatabaseExtension.class)
class KilledBackfillIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String MIGRATION = BackfillEventSeverity.class.getName();

    @Test
    void connectionKilledDuringABackfillBatchShouldBeALostConnectionAndResume(TestDatabase db) throws Exception {
        Operator op = new Operator(CATALOG, db.admin());
        op.deploy(CATALOG.baselineVersion().toString(), new SampleSize(60_000, SampleSize.DEFAULT_SEED));
        long events = db.number("SELECT COUNT(*) FROM event");
        assertThat(events).as("several batches of " + BatchRunner.DEFAULT_MIGRATION_BATCH).isGreaterThan(
                5L * BatchRunner.DEFAULT_MIGRATION_BATCH);
        CompletableFuture<Long> killed = new CompletableFuture<>();

        assertThatThrownBy(() -> op.upgrade(event -> {
            if (event instanceof ProgressEvent.BatchDone done && done.migration().equals(MIGRATION) && done.batch() == 1
                    && !killed.isDone()) {
                CompletableFuture.runAsync(() -> killBatchInFlight(db, killed)); // the next batch is the victim
            }
        })).isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code())
                .as(e.getMessage()).isEqualTo(ErrorCode.CONNECTION_LOST));

        assertThat(killed.get(10, TimeUnit.SECONDS)).as("a batch's UPDATE was running when killed").isPositive();
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly(Phase.EXPANDING.name());
        long left = db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL");
        assertThat(left).as("the backfill stopped part-way").isPositive();

        UpgradeResult resumed = op.upgrade(ProgressListener.NONE);

        assertThat(resumed.outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM event")).isEqualTo(events);
        assertThat(db.rows("SELECT phase, target_version FROM dbcreator_state"))
                .containsExactly(Phase.EXPANDED.name() + " | " + CATALOG.latestVersion());
        assertThat(op.status().interrupted()).isEqualTo(Optional.empty());
    }

    /** Waits for the backfill's UPDATE to be running and kills its connection; completes with the connection's id. */
    private static void killBatchInFlight(TestDatabase db, CompletableFuture<Long> killed) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = TestServer.get().adminConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                List<String> running = db.rows("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                        + "' AND COMMAND = 'Query' AND INFO LIKE 'UPDATE event SET severity%'");
                if (!running.isEmpty()) {
                    s.execute("KILL CONNECTION " + running.get(0));
                    killed.complete(Long.parseLong(running.get(0)));
                    return;
                }
            }
            killed.complete(-1L);
        } catch (SQLException e) {
            killed.completeExceptionally(e);
        }
    }
}
