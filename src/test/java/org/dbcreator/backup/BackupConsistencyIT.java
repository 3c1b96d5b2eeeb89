package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several connections read one consistent state while the product's nodes keep writing; when the
 * brief lock that aligns them cannot be had, the backup reads on one connection instead of waiting.
 */
@ExtendWith(TestDatabaseExtension.class)
class BackupConsistencyIT {

    @TempDir
    Path folder;

    /** Two tables that every transaction of the "node" grows together: any consistent state has them equal. */
    private static void createLedger(TestDatabase db, int rows) throws SQLException {
        db.create();
        db.execute("CREATE TABLE ledger_a (id BIGINT PRIMARY KEY AUTO_INCREMENT, v INT NOT NULL) ENGINE=InnoDB",
                "CREATE TABLE ledger_b (id BIGINT PRIMARY KEY AUTO_INCREMENT, v INT NOT NULL) ENGINE=InnoDB",
                "INSERT INTO ledger_a (v) VALUES (1), (1), (1), (1), (1), (1), (1), (1)");
        while (db.number("SELECT COUNT(*) FROM ledger_a") < rows) {
            db.execute("INSERT INTO ledger_a (v) SELECT v FROM ledger_a");
        }
        db.execute("INSERT INTO ledger_b (v) SELECT v FROM ledger_a");
    }

    @Test
    void connectionsShouldShareOneStateWhileNodesWrite(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(isMariaDb(), "aligning several connections needs MariaDB's BACKUP STAGE");
        createLedger(db, 60_000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> node = CompletableFuture.runAsync(() -> writePairs(db.admin(), stop, committed, running));
        try {
            assertThat(running.await(30, TimeUnit.SECONDS)).as("the node started committing").isTrue();
            long before = committed.get();

            BackupResult backup = backup(db, BackupRequest.to(folder).withConnections(3).withRanges(5_000));

            assertThat(committed.get()).as("the node kept committing during the backup").isGreaterThan(before);
            assertThat(backup.manifest().consistency()).startsWith("one consistent snapshot on 3 connections");
            assertThat(rows(backup, "ledger_a")).isEqualTo(rows(backup, "ledger_b")).isGreaterThan(60_000);
        } finally {
            stop.set(true);
            node.join();
        }
    }

    @Test
    void backupShouldReadOnOneConnectionWhenTheAlignmentLockIsBusy(TestDatabase db) throws Exception {
        Assumptions.assumeTrue(isMariaDb(), "the alignment lock is MariaDB's BACKUP STAGE");
        createLedger(db, 1_000);
        List<String> notices = new ArrayList<>();
        try (Connection other = TestServer.get().adminConnection(); Statement s = other.createStatement()) {
            s.execute("BACKUP STAGE START"); // another backup tool holds the stage: ours must not wait for it

            BackupResult backup = backup(db, BackupRequest.to(folder).withConnections(3).withRanges(100)
                    .withLockWait(Duration.ofSeconds(1)), notices);

            assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("Reading on one connection")
                    .contains("within 1 s"));
            assertThat(backup.manifest().consistency()).isEqualTo("one consistent snapshot on 1 connection");
            assertThat(rows(backup, "ledger_a")).isEqualTo(rows(backup, "ledger_b")).isEqualTo(1_024);
            s.execute("BACKUP STAGE END");
        }
    }

    @Test
    void userWithoutReloadShouldGetABackupOnOneConnection(TestDatabase db) throws Exception {
        createLedger(db, 1_000);
        ConnectionSettings reader = db.createUser("SELECT, SHOW VIEW, TRIGGER, EVENT");
        List<String> notices = new ArrayList<>();

        BackupResult backup;
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, reader, event -> notice(event, notices))) {
            backup = engine.backup(BackupRequest.to(folder).withConnections(3).withRanges(100));
        }

        assertThat(backup.manifest().consistency()).isEqualTo("one consistent snapshot on 1 connection");
        assertThat(notices).anySatisfy(n -> assertThat(n).startsWith("Reading on one connection"));
        assertThat(backup.recorded()).as("an unmanaged database gets no history row").isFalse();
        assertThat(rows(backup, "ledger_a")).isEqualTo(1_024);
    }

    private static long rows(BackupResult backup, String table) {
        return backup.manifest().tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow().rows();
    }

    private static BackupResult backup(TestDatabase db, BackupRequest request) {
        return backup(db, request, new ArrayList<>());
    }

    private static BackupResult backup(TestDatabase db, BackupRequest request, List<String> notices) {
        try (DbCreator engine = DbCreator.connect(Fixtures.CATALOG, db.admin(), event -> notice(event, notices))) {
            return engine.backup(request);
        }
    }

    private static void notice(ProgressEvent event, List<String> notices) {
        if (event instanceof ProgressEvent.Notice n) {
            notices.add(n.message());
        }
    }

    private static void writePairs(ConnectionSettings settings, AtomicBoolean stop, AtomicLong committed,
            CountDownLatch running) {
        try (Connection c = TestServer.get().adminConnection()) {
            c.setCatalog(settings.database()); // before the statement, which keeps the database it was made in
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                while (!stop.get()) {
                    s.execute("INSERT INTO ledger_a (v) VALUES (2)");
                    s.execute("INSERT INTO ledger_b (v) VALUES (2)");
                    c.commit();
                    committed.incrementAndGet();
                    if (committed.get() == 50) {
                        running.countDown();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMariaDb() throws SQLException {
        try (Connection c = TestServer.get().adminConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1).toLowerCase().contains("mariadb");
        }
    }
}
