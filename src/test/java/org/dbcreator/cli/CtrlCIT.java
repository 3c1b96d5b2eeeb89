package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.dbcreator.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ctrl-C as an operator presses it, sent as SIGINT to a real {@code java -jar target/dbcreator.jar
 * upgrade} while its ALTER waits behind another session's metadata lock: the first stops the run
 * cleanly (CANCELLED, exit 130, the lock released); a second one right after exits at once. Either
 * way the same command run again finishes the upgrade.
 */
@ExtendWith(TestDatabaseExtension.class)
class CtrlCIT {

    private static final Path JAR = Path.of("target", "dbcreator.jar");
    private static final long BOUND_MILLIS = 3_000;

    private TestDatabase db;

    @BeforeEach
    void deployed(TestDatabase db) {
        this.db = db;
        assertThat(DbCreatorCli.run(db.admin(), "deploy", "--target", Catalog.bundled().baselineVersion().toString())
                .exitCode()).isZero();
    }

    @Test
    void firstCtrlCShouldStopTheUpgradeCleanlyWithCancelled() throws Exception {
        try (Connection blocker = holdMetadataLockOnHost()) {
            Running upgrade = Running.start(db, "upgrade", "--skip-backup");
            upgrade.awaitOutput("waits for a metadata lock");

            long sentAt = System.nanoTime();
            upgrade.ctrlC();
            assertThat(upgrade.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long millis = (System.nanoTime() - sentAt) / 1_000_000;
            System.out.printf("cancel latency, SIGINT to the exit of dbcreator upgrade: %d ms%n", millis);

            assertThat(upgrade.process.exitValue()).as(upgrade.output()).isEqualTo(ErrorCode.CANCELLED.exitCode());
            assertThat(upgrade.err()).contains("Stopping at the next point where nothing is half-done")
                    .contains("error CANCELLED: ").doesNotContain("Exiting at once");
            assertThat(millis).isLessThan(BOUND_MILLIS);
            assertThat(db.number("SELECT IS_FREE_LOCK('dbcreator." + db.name() + "')")).isEqualTo(1);
            assertThat(db.rows("SELECT phase FROM dbcreator_state")).containsExactly("EXPANDING");
            assertThat(db.number("SELECT COUNT(*) FROM dbcreator_journal WHERE outcome <> 'DONE'")).isZero();
            blocker.commit();
        }
        DbCreatorCli.Result rerun = DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup");
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("RESUMED: upgrade");
    }

    @Test
    void secondCtrlCShouldExitAtOnce() throws Exception {
        try (Connection blocker = holdMetadataLockOnHost()) {
            Running upgrade = Running.start(db, "upgrade", "--skip-backup");
            upgrade.awaitAlterJustStartedWaitingForItsLock(db); // the first Ctrl-C cannot be done before the second

            upgrade.ctrlC();
            upgrade.ctrlC();
            assertThat(upgrade.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(upgrade.process.exitValue()).as(upgrade.output()).isEqualTo(ErrorCode.CANCELLED.exitCode());
            assertThat(upgrade.err()).contains("Exiting at once.").doesNotContain("error CANCELLED");
            blocker.commit();
        }
        DbCreatorCli.Result rerun = DbCreatorCli.run(db.admin(), "upgrade", "--skip-backup");
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("RESUMED: upgrade");
    }

    private Connection holdMetadataLockOnHost() throws SQLException {
        Connection blocker = TestServer.get().adminConnection();
        blocker.setCatalog(db.name());
        blocker.setAutoCommit(false);
        try (Statement s = blocker.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM host")) {
            rs.next(); // the open transaction holds host's metadata lock until it ends
        }
        return blocker;
    }

    /** The tool in a process of its own, its output collected as it comes. */
    private static final class Running {
        private final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        private Running(Process process) {
            this.process = process;
            drain(process.getInputStream(), out);
            drain(process.getErrorStream(), err);
        }

        static Running start(TestDatabase db, String... command) throws IOException {
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString()));
            args.addAll(List.of(DbCreatorCli.withConnection(db.admin(), command[0])));
            args.addAll(List.of(command).subList(1, command.length));
            ProcessBuilder builder = new ProcessBuilder(args);
            builder.environment().putAll(DbCreatorCli.passwordEnv(db.admin()));
            return new Running(builder.start());
        }

        /** SIGINT, as the terminal sends it on Ctrl-C. */
        void ctrlC() throws Exception {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).isZero();
        }

        void awaitOutput(String fragment) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!output().contains(fragment)) {
                assertThat(process.isAlive()).as("still running; printed:\n" + output()).isTrue();
                assertThat(System.nanoTime()).as("'" + fragment + "' printed:\n" + output()).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20); // polling for output, not waiting out a duration
            }
        }

        /** An attempt of the ALTER that began less than 300 ms ago: it waits on the server for most of a second more. */
        void awaitAlterJustStartedWaitingForItsLock(TestDatabase db) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (db.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + db.name() + "'"
                    + " AND STATE = 'Waiting for table metadata lock' AND TIME_MS < 300 AND INFO LIKE '/* dbcreator%ALTER TABLE%'") == 0) {
                assertThat(process.isAlive()).as("still running; printed:\n" + output()).isTrue();
                assertThat(System.nanoTime()).as("an ALTER waiting; printed:\n" + output()).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20); // polling for the server's state, not waiting out a duration
            }
        }

        String err() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }

        String output() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8) + err();
            }
        }

        private static void drain(InputStream in, ByteArrayOutputStream into) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        synchronized (into) {
                            into.write(buffer, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "ctrl-c-it-drain");
            t.setDaemon(true);
            t.start();
        }
    }
}
