package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.Footprint;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore (or a restore test) cancelled while it loads the file stops within about a second,
 * leaves the target exactly as it was, drops its scratch database and releases the lock.
 */
@ExtendWith(TestDatabaseExtension.class)
class CancelledRestoreIT {

    private static final long BOUND_MILLIS = 3_000;

    @TempDir
    Path folder;

    @Test
    void restoreCancelledWhileLoadingShouldLeaveTheTargetAsItWasAndDropItsScratch(TestDatabase source, TestDatabase target)
            throws Exception {
        Path dump = backupWithSampleRows(source);
        Fixtures.deployDemo(target);
        target.execute("INSERT INTO account (uuid, name, type, created) VALUES ('a-9', 'only in the target', 0, NOW())");
        Footprint before = Footprint.of(target);
        Pin pin = new Pin();
        CompletableFuture<DbCreatorException> run = CompletableFuture.supplyAsync(() -> failureOf(() -> {
            try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, target.admin(), pin)) {
                engine.restore(dump, RestoreRequest.intoEmpty().replacing(), pin.cancellation);
            }
        }));

        DbCreatorException failure = pin.cancelMidLoad(run, "a restore while it loads rows");

        assertThat(failure.getMessage()).contains("'" + target.name() + "' is as it was");
        assertThat(Footprint.of(target)).isEqualTo(before);
        assertThat(databasesLike(source, ScratchDatabase.nameFor(target.name()))).isEmpty();
        assertThat(source.number("SELECT IS_FREE_LOCK('dbcreator." + target.name() + "')")).isEqualTo(1);

        RestoreResult rerun = BackupRestoreIT.restore(dump, target, RestoreRequest.intoEmpty().replacing(),
                ProgressListener.NONE);

        assertThat(rerun.checksumsCompared()).isTrue();
        assertThat(target.number("SELECT COUNT(*) FROM account WHERE uuid = 'a-9'")).isZero();
    }

    @Test
    void restoreTestCancelledWhileLoadingShouldDropItsScratch(TestDatabase source) throws Exception {
        Path dump = backupWithSampleRows(source);
        List<String> scratchBefore = databasesLike(source, "dbcreator_verify_");
        Pin pin = new Pin();
        CompletableFuture<DbCreatorException> run = CompletableFuture.supplyAsync(() -> failureOf(() -> {
            try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, source.admin(), pin)) {
                engine.restoreTest(dump, 2, pin.cancellation);
            }
        }));

        pin.cancelMidLoad(run, "a restore test while it loads rows");

        assertThat(databasesLike(source, "dbcreator_verify_")).as("only other tests' scratch databases, if any")
                .isSubsetOf(scratchBefore);
        assertThat(source.rows("SELECT verification FROM dbcreator_backup")).containsExactly("FILE");
    }

    private Path backupWithSampleRows(TestDatabase source) {
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, source.admin(), ProgressListener.NONE)) {
            engine.deploy(Optional.of(Fixtures.CATALOG.baselineVersion()), new SampleSize(20_000, SampleSize.DEFAULT_SEED));
            return engine.backup(BackupRequest.to(folder).withConnections(2)).files().dump();
        }
    }

    /** Holds the load at its first table's progress until the cancel is out, so that the cancel lands mid-load. */
    private static final class Pin implements ProgressListener {
        final Cancellation cancellation = new Cancellation();
        private final CountDownLatch loading = new CountDownLatch(1);
        private final CountDownLatch cancelled = new CountDownLatch(1);

        @Override
        public void onEvent(ProgressEvent event) {
            if (event instanceof ProgressEvent.TableProgress && loading.getCount() > 0) {
                loading.countDown();
                try {
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        DbCreatorException cancelMidLoad(CompletableFuture<DbCreatorException> run, String during) throws Exception {
            assertThat(loading.await(120, TimeUnit.SECONDS)).as("the load began").isTrue();
            assertThat(run).isNotDone();
            long cancelledAt = System.nanoTime();
            cancellation.cancel();
            cancelled.countDown();
            DbCreatorException failure = run.get(60, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
            System.out.printf("cancel latency, %s: %d ms%n", during, millis);
            assertThat(failure).as("the run ended with a failure").isNotNull();
            assertThat(failure.code()).as(failure.describe()).isEqualTo(ErrorCode.CANCELLED);
            assertThat(millis).isLessThan(BOUND_MILLIS);
            return failure;
        }
    }

    private static DbCreatorException failureOf(Runnable run) {
        try {
            run.run();
            return null;
        } catch (DbCreatorException e) {
            return e;
        }
    }

    private static List<String> databasesLike(TestDatabase db, String prefix) throws SQLException {
        return db.rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
                + prefix.replace("_", "\\_") + "%' ORDER BY 1");
    }
}
