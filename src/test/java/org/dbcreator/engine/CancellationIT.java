package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.demo.BackfillEventSeverity;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.RowChecksum;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run cancelled in any of its waits or between its batches ends with CANCELLED within about a
 * second (bounded here at {@link #BOUND_MILLIS} for a loaded two-core machine), releases the
 * operator lock, leaves the database as an interruption would, and a rerun ends exactly like an
 * uninterrupted run.
 */
@ExtendWith(TestDatabaseExtension.class)
class CancellationIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final String OLD = CATALOG.baselineVersion().toString();
    private static final String NEW = CATALOG.latestVersion().toString();
    private static final String BACKFILL = BackfillEventSeverity.class.getName();
    private static final long BOUND_MILLIS = 3_000;

    @Test
    void upgradeCancelledWhileItsAlterWaitsForAMetadataLockShouldStopWithinASecond(TestDatabase db) throws Exception {
        deploy(db, SampleSize.none());
        try (Connection blocker = holdMetadataLockOnHost(db)) {
            Cancellation cancellation = new Cancellation();
            CompletableFuture<Ended> run = inBackground(() -> upgrade(db, ProgressListener.NONE, cancellation));
            awaitAlterWaitingForItsLock(db, run);

            long latency = cancelAndMeasure(cancellation, run, "an ALTER waiting on the server for its metadata lock");

            assertThat(latency).isLessThan(BOUND_MILLIS);
            assertStoppedAsInterrupted(db, Phase.EXPANDING);
            assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome <> 'DONE'"))
                    .as("the ALTER that never got its lock is withdrawn, not left to be judged").isZero();
            blocker.commit();
        }
        finishAndCompare(db, SampleSize.none(), UpgradeResult.Outcome.RESUMED);
    }

    @Test
    void upgradeCancelledDuringAMetadataLockBackoffShouldStopWithoutWaitingItOut(TestDatabase db) throws Exception {
        deploy(db, SampleSize.none());
        try (Connection blocker = holdMetadataLockOnHost(db)) {
            Cancellation cancellation = new Cancellation();
            List<ProgressEvent> events = new CopyOnWriteArrayList<>();
            CompletableFuture<Ended> run = inBackground(() -> upgrade(db, events::add, cancellation));
            awaitEvent(events, e -> e instanceof ProgressEvent.LockWait w && w.attempt() == 5
                    && w.retryIn().equals(Duration.ofSeconds(4)), "a lock wait resting 4 s before attempt 5", run);

            long latency = cancelAndMeasure(cancellation, run, "the backoff between metadata-lock attempts");

            assertThat(latency).as("well within the 4 s backoff").isLessThan(BOUND_MILLIS);
            assertStoppedAsInterrupted(db, Phase.EXPANDING);
            assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome <> 'DONE'")).isZero();
            blocker.commit();
        }
        finishAndCompare(db, SampleSize.none(), UpgradeResult.Outcome.RESUMED);
    }

    @Test
    void upgradeCancelledDuringABackfillShouldStopAfterTheBatchItWasIn(TestDatabase db) throws Exception {
        SampleSize sample = new SampleSize(60_000, SampleSize.DEFAULT_SEED);
        deploy(db, sample);
        assertThat(db.number("SELECT COUNT(*) FROM event")).as("many batches").isGreaterThan(
                5L * BatchRunner.DEFAULT_MIGRATION_BATCH);
        Cancellation cancellation = new Cancellation();
        CountDownLatch batchesDone = new CountDownLatch(2);
        CompletableFuture<Ended> run = inBackground(() -> upgrade(db, event -> {
            if (event instanceof ProgressEvent.BatchDone done && done.migration().equals(BACKFILL)) {
                batchesDone.countDown();
            }
        }, cancellation));
        assertThat(batchesDone.await(120, TimeUnit.SECONDS)).as("the backfill began").isTrue();

        long latency = cancelAndMeasure(cancellation, run, "a backfill between its batches");

        assertThat(latency).isLessThan(BOUND_MILLIS);
        assertStoppedAsInterrupted(db, Phase.EXPANDING);
        assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL")).as("stopped part-way").isPositive();
        long committed = db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE script = '" + BACKFILL
                + "' AND outcome = 'DONE'");
        assertThat(committed).isGreaterThanOrEqualTo(2);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_history WHERE script = '" + BACKFILL + "'")).isZero();
        List<String> notices = new CopyOnWriteArrayList<>();

        UpgradeResult resumed = upgrade(db, noticesInto(notices), Cancellation.none());

        assertThat(resumed.outcome()).isEqualTo(UpgradeResult.Outcome.RESUMED);
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("after " + committed + " committed batches"));
        finishAndCompare(db, sample, null);
    }

    @Test
    void cleanupCancelledWhileWaitingForANodeShouldStopWithinASecondAndChangeNothing(TestDatabase db) throws Exception {
        deploy(db, SampleSize.none());
        upgrade(db, ProgressListener.NONE, Cancellation.none());
        node(db, "ms-1", NEW);
        node(db, "ms-2", OLD); // not restarted yet
        Footprint before = Footprint.of(db);
        Cancellation cancellation = new Cancellation();
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Ended> run = inBackground(() -> cleanup(db, Optional.of(Duration.ofMinutes(10)),
                events::add, cancellation));
        awaitEvent(events, e -> e instanceof NodeWait w && w.gate().blockers().stream()
                .anyMatch(node -> node.name().equals("ms-2")), "a node wait for ms-2", run);

        long latency = cancelAndMeasure(cancellation, run, "cleanup --wait for a node");

        assertThat(latency).isLessThan(BOUND_MILLIS);
        assertLockFree(db);
        assertThat(Footprint.of(db)).isEqualTo(before);
        node(db, "ms-2", NEW); // restarted on the target

        assertThat(cleanup(db, Optional.empty(), ProgressListener.NONE, Cancellation.none()).outcome())
                .isEqualTo(UpgradeResult.Outcome.APPLIED);
        assertSameEndAsUninterrupted(db, SampleSize.none());
    }

    @Test
    void backupCancelledWhileDumpingShouldLeaveNoFileAndReleaseTheLock(TestDatabase db, @TempDir Path folder)
            throws Exception {
        deploy(db, new SampleSize(20_000, SampleSize.DEFAULT_SEED));
        BackupRequest request = BackupRequest.to(folder).withConnections(2).withRanges(2_000);
        Cancellation cancellation = new Cancellation();
        CountDownLatch dumping = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ProgressListener pinned = event -> {
            if (event instanceof ProgressEvent.TableProgress && dumping.getCount() > 0) {
                dumping.countDown();
                awaitQuietly(cancelled); // holds the writer mid-dump until the cancel is out: it lands there
            }
        };
        CompletableFuture<Ended> run = inBackground(() -> backup(db, request, pinned, cancellation));
        assertThat(dumping.await(120, TimeUnit.SECONDS)).as("the dump began").isTrue();

        long latency = cancelAndMeasure(cancellation, () -> cancelled.countDown(), run, "a backup while it dumps rows");

        assertThat(latency).isLessThan(BOUND_MILLIS);
        assertLockFree(db);
        assertThat(filesIn(folder)).as("no backup, nor a partial file").isEmpty();
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_backup")).isZero();

        TakenBackup rerun = backup(db, request, ProgressListener.NONE, Cancellation.none());

        assertThat(rerun.provedRestorable()).isTrue();
        assertThat(filesIn(folder)).containsExactlyInAnyOrder(rerun.backup().files().dump().getFileName().toString(),
                rerun.backup().files().manifest().getFileName().toString());
        assertThat(db.rows("SELECT verification FROM dbcreator_backup")).containsExactly("RESTORE_TEST");
    }

    // ---- the runs

    private static void deploy(TestDatabase db, SampleSize sample) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(CATALOG.baselineVersion()), sample);
        }
    }

    private static UpgradeResult upgrade(TestDatabase db, ProgressListener listener, Cancellation cancellation) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), listener)) {
            return engine.upgrade(Optional.empty(), false, BackupPolicy.skip(), BatchPace.ROLLING, cancellation);
        }
    }

    private static UpgradeResult cleanup(TestDatabase db, Optional<Duration> wait, ProgressListener listener,
            Cancellation cancellation) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), listener)) {
            return engine.cleanup(new CleanupRequest(false, false, Set.of(), false, wait), cancellation);
        }
    }

    private static TakenBackup backup(TestDatabase db, BackupRequest request, ProgressListener listener,
            Cancellation cancellation) {
        try (DbCreator engine = DbCreator.connect(CATALOG, db.admin(), listener)) {
            return engine.backup(request, true, cancellation);
        }
    }

    /** How a run on another thread ended: its error code (none when it succeeded) and when. */
    private record Ended(Optional<ErrorCode> code, long atNanos, String message) {}

    private static CompletableFuture<Ended> inBackground(java.util.function.Supplier<?> run) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Object result = run.get();
                return new Ended(Optional.empty(), System.nanoTime(), String.valueOf(result));
            } catch (DbCreatorException e) {
                return new Ended(Optional.of(e.code()), System.nanoTime(), e.describe());
            }
        });
    }

    private static long cancelAndMeasure(Cancellation cancellation, CompletableFuture<Ended> run, String during)
            throws Exception {
        return cancelAndMeasure(cancellation, () -> { }, run, during);
    }

    /** Cancels, then returns the milliseconds until the run ended, after checking it ended CANCELLED. */
    private static long cancelAndMeasure(Cancellation cancellation, Runnable afterCancel, CompletableFuture<Ended> run,
            String during) throws Exception {
        assertThat(run).as("still running when cancelled").isNotDone();
        long cancelledAt = System.nanoTime();
        cancellation.cancel();
        afterCancel.run();
        Ended ended = run.get(60, TimeUnit.SECONDS);
        assertThat(ended.code()).as(ended.message()).contains(ErrorCode.CANCELLED);
        long millis = (ended.atNanos() - cancelledAt) / 1_000_000;
        System.out.printf("cancel latency, %s: %d ms%n", during, millis);
        return millis;
    }

    // ---- the state left behind

    private static void assertStoppedAsInterrupted(TestDatabase db, Phase phase) throws SQLException {
        assertLockFree(db);
        assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly(phase.name());
    }

    private static void assertLockFree(TestDatabase db) throws SQLException {
        assertThat(db.number("SELECT IS_FREE_LOCK('dbcreator." + db.name() + "')")).as("the operator lock").isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM dbcreator_lock")).as("its record").isZero();
    }

    /** Resumes the upgrade (when {@code expected} is given), runs the cleanup and compares with an uninterrupted run. */
    private static void finishAndCompare(TestDatabase db, SampleSize sample, UpgradeResult.Outcome expected)
            throws SQLException {
        if (expected != null) {
            assertThat(upgrade(db, ProgressListener.NONE, Cancellation.none()).outcome()).isEqualTo(expected);
        }
        cleanup(db, Optional.empty(), ProgressListener.NONE, Cancellation.none());
        assertSameEndAsUninterrupted(db, sample);
    }

    private static void assertSameEndAsUninterrupted(TestDatabase db, SampleSize sample) throws SQLException {
        try (TestDatabase reference = TestDatabase.unique()) {
            deploy(reference, sample);
            upgrade(reference, ProgressListener.NONE, Cancellation.none());
            cleanup(reference, Optional.empty(), ProgressListener.NONE, Cancellation.none());
            assertThat(UpgradeIT.productSchema(db).differencesFrom(UpgradeIT.productSchema(reference))).isEmpty();
            String applied = "SELECT operation, kind, script, checksum FROM dbcreator_history ORDER BY id";
            assertThat(db.rows(applied)).isEqualTo(reference.rows(applied));
            String state = "SELECT schema_version, target_version, phase, lowest_release, highest_release FROM dbcreator_state";
            assertThat(db.rows(state)).isEqualTo(reference.rows(state));
            assertThat(db.rows("SELECT outcome, COUNT(*) FROM dbcreator_journal GROUP BY outcome"))
                    .as("every statement ended DONE").allSatisfy(row -> assertThat(row).startsWith("DONE |"));
            assertThat(RowChecksum.of(db, "event", "id, severity")).isEqualTo(RowChecksum.of(reference, "event", "id, severity"));
        }
    }

    // ---- the test's other sessions

    /** An open transaction that read {@code host}: it holds the table's metadata lock until it ends. */
    private static Connection holdMetadataLockOnHost(TestDatabase db) throws SQLException {
        Connection blocker = TestServer.get().adminConnection();
        blocker.setCatalog(db.name());
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM host")) {
            rs.next();
        }
        return blocker;
    }

    private static void node(TestDatabase db, String name, String release) throws SQLException {
        db.execute("INSERT INTO mshost (name, version, state, last_update, created) VALUES ('" + name + "', '" + release
                + "', 'Up', NOW(3), NOW()) ON DUPLICATE KEY UPDATE version = VALUES(version), last_update = NOW(3)");
    }

    private static void awaitAlterWaitingForItsLock(TestDatabase db, CompletableFuture<?> run) throws Exception {
        awaitTrue(() -> db.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + db.name() + "'"
                + " AND STATE = 'Waiting for table metadata lock' AND INFO LIKE '/* dbcreator%ALTER TABLE%'") > 0,
                "the expand's ALTER waiting for its lock", run);
    }

    private static void awaitEvent(List<ProgressEvent> events, Predicate<ProgressEvent> wanted,
            String what, CompletableFuture<?> run) throws Exception {
        awaitTrue(() -> events.stream().anyMatch(wanted), what, run);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws SQLException;
    }

    private static void awaitTrue(Condition condition, String what, CompletableFuture<?> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            if (run.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + "; the run " + (run.isDone() ? "ended: " + run.join() : "goes on"));
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling for the server's or the run's state, not waiting out a duration
        }
    }

    private static ProgressListener noticesInto(List<String> notices) {
        return event -> {
            if (event instanceof ProgressEvent.Notice n) {
                notices.add(n.message());
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
