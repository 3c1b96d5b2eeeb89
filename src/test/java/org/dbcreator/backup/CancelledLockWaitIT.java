package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.progress.Cancellation;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.ThrowawayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup waiting for the brief lock that aligns its connections (here behind another session's
 * backup stage, with a patience of a minute) stops within about a second when cancelled, rather
 * than falling back to one connection or waiting the minute out. On a server of its own: holding
 * a backup stage would hold up other tests' backups on the shared one.
 */
class CancelledLockWaitIT {

    private static final long BOUND_MILLIS = 3_000;

    @Test
    void backupCancelledWhileWaitingForItsAligningLockShouldStopWithinASecond(@TempDir Path serverFolder,
            @TempDir Path folder) throws Exception {
        try (ThrowawayServer server = ThrowawayServer.start(serverFolder);
                TestDatabase db = TestDatabase.on(server.server())) {
            try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, db.admin(), ProgressListener.NONE)) {
                engine.deploy(Optional.of(Fixtures.CATALOG.baselineVersion()), SampleSize.none());
            }
            try (Connection otherBackup = server.adminConnection(); Statement s = otherBackup.createStatement()) {
                s.execute("BACKUP STAGE START");
                Cancellation cancellation = new Cancellation();
                BackupRequest request = BackupRequest.to(folder).withRanges(1_000).withLockWait(Duration.ofMinutes(1));
                CompletableFuture<ErrorCode> run = CompletableFuture.supplyAsync(() -> {
                    try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, db.admin(), ProgressListener.NONE)) {
                        engine.backup(request, false, cancellation);
                        return null;
                    } catch (DbCreatorException e) {
                        return e.code();
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (db.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO = 'BACKUP STAGE START'"
                        + " AND STATE LIKE 'Waiting%'") == 0) {
                    assertThat(run).as("waiting for the aligning lock").isNotDone();
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(20); // polling for the server's state, not waiting out a duration
                }

                long cancelledAt = System.nanoTime();
                cancellation.cancel();
                ErrorCode code = run.get(60, TimeUnit.SECONDS);
                long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
                System.out.printf("cancel latency, a backup waiting for its aligning lock: %d ms%n", millis);

                assertThat(code).isEqualTo(ErrorCode.CANCELLED);
                assertThat(millis).isLessThan(BOUND_MILLIS);
                assertThat(db.number("SELECT IS_FREE_LOCK('dbcreator." + db.name() + "')")).isEqualTo(1);
                try (Stream<Path> files = Files.list(folder)) {
                    assertThat(files).isEmpty();
                }
                s.execute("BACKUP STAGE END");
            }
        }
    }
}
