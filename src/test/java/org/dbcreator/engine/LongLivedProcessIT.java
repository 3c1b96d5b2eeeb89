package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Database;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.TestCatalogs;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wizard keeps one engine open for hours: operations run one after another on one DbCreator,
 * and none may leave a thread, a connection or a session setting behind for the next.
 */
@ExtendWith(TestDatabaseExtension.class)
class LongLivedProcessIT {

    /** What the engine or a script may set in a session, and what the default database is. */
    private static final List<String> SESSION = List.of("@@SESSION.lock_wait_timeout", "@@SESSION.innodb_lock_wait_timeout",
            "@@SESSION.foreign_key_checks", "@@SESSION.unique_checks", "@@SESSION.sql_mode", "@@SESSION.time_zone",
            "@@SESSION.character_set_client", "@@SESSION.character_set_results", "@@SESSION.collation_connection",
            "@@SESSION.autocommit", "@@SESSION.max_statement_time", "@@SESSION.net_write_timeout",
            "@@SESSION.wait_timeout", "DATABASE()");

    @TempDir
    Path temp;

    /** Throws out of the engine after {@code failAfter} statements, when armed: an interruption in process. */
    private static final class Interrupter implements ProgressListener {
        final AtomicInteger failAfter = new AtomicInteger();

        @Override
        public void onEvent(ProgressEvent event) {
            if (event instanceof ProgressEvent.StatementDone && failAfter.get() > 0 && failAfter.decrementAndGet() == 0) {
                throw new IllegalStateException("interrupted by the test");
            }
        }
    }

    private static ConnectionSettings operator(TestDatabase db) throws SQLException {
        ConnectionSettings user = db.createUser("ALL");
        for (String host : List.of("localhost", "%")) {
            db.execute("GRANT ALL ON `dbcreator\\_verify\\_%`.* TO '" + user.user() + "'@'" + host + "'");
        }
        return user;
    }

    @Test
    void operationsInARowShouldLeaveNoThreadConnectionOrSessionSettingBehind(TestDatabase db) throws Exception {
        ConnectionSettings user = operator(db);
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        Interrupter interrupter = new Interrupter();
        Catalog catalog = Catalog.bundled();

        try (DbCreator engine = DbCreator.connect(catalog, user, interrupter)) {
            assertThat(engine.status(Optional.empty()).condition()).isEqualTo(StatusReport.Condition.ABSENT);
            assertSessionsAsFresh(engine.database());

            engine.deploy(Optional.of(Version.parse("4.0.0")));
            assertSessionsAsFresh(engine.database());

            interrupter.failAfter.set(3);
            assertThatThrownBy(() -> engine.upgrade(Optional.empty(), false, BackupPolicy.skip()))
                    .hasMessageContaining("interrupted by the test");
            assertThat(engine.status(Optional.empty()).phase()).contains(Phase.EXPANDING);
            assertSessionsAsFresh(engine.database());
            assertThat(lockHolder(db)).as("the operator lock is released").isNull();

            assertThat(engine.upgrade(Optional.empty(), false, BackupPolicy.skip()).outcome())
                    .isEqualTo(UpgradeResult.Outcome.RESUMED);
            assertSessionsAsFresh(engine.database());

            assertThat(engine.cleanup(CleanupRequest.withConfirmation()).outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
            assertSessionsAsFresh(engine.database());

            assertThat(engine.backup(BackupRequest.to(temp.resolve("backups")), true).provedRestorable()).isTrue();
            assertSessionsAsFresh(engine.database());

            assertThat(engine.status(Optional.empty()).phase()).contains(Phase.CLEAN);
            assertThat(lockHolder(db)).isNull();
            assertThat(connectionsOf(db, user.user())).as("every connection of the user idles in a pool")
                    .allSatisfy(c -> assertThat(c).startsWith("Sleep"))
                    .hasSizeLessThanOrEqualTo(12); // two pools of six
        }

        assertEventually(() -> assertThat(connectionsOf(db, user.user())).as("connections left behind").isEmpty());
        assertEventually(() -> assertThat(newThreads(threadsBefore)).as("threads left behind").isEmpty());
    }

    @Test
    void aStatementFailingMidScriptShouldLeaveNoSessionSettingBehind(TestDatabase db) throws Exception {
        Path catalogDir = TestCatalogs.write(temp.resolve("catalog"), """
                product: sessions
                database: sessions
                baseline: { version: 1.0.0, schema: 1.0.0/create-schema.sql }
                steps: []
                """, Map.of("1.0.0/create-schema.sql", """
                SET SESSION foreign_key_checks = 0;
                SET SESSION unique_checks = 0, lock_wait_timeout = 7;
                SET sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES';
                SET @@SESSION.time_zone = '+03:00';
                CREATE TABLE t (id INT PRIMARY KEY);
                INSERT INTO no_such_table VALUES (1);
                """));

        try (DbCreator engine = DbCreator.connect(Catalog.fromDirectory(catalogDir), db.admin(), ProgressListener.NONE)) {
            assertThatThrownBy(() -> engine.deploy(Optional.empty()))
                    .isInstanceOfSatisfying(DbCreatorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_FAILED));
            assertThat(db.rows("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 't'")).as("the script ran up to the failing statement").hasSize(1);

            assertSessionsAsFresh(engine.database());
        }
    }

    /** Every connection either pool can hand out has the session a new connection has, and the default database asked for. */
    private static void assertSessionsAsFresh(Database database) throws SQLException {
        Map<String, String> fresh;
        try (Connection c = database.dedicatedConnection()) {
            fresh = sessionOf(c);
        }
        assertThat(fresh).containsEntry("DATABASE()", null);
        Map<String, String> freshInProduct = new LinkedHashMap<>(fresh);
        freshInProduct.put("DATABASE()", database.databaseName());
        List<Connection> borrowed = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                borrowed.add(database.serverConnection());
            }
            for (Connection c : borrowed) {
                assertThat(sessionOf(c)).as("a server connection").isEqualTo(fresh);
            }
            if (!productDatabaseExists(database)) {
                return;
            }
            List<Connection> product = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                product.add(database.productConnection());
            }
            borrowed.addAll(product);
            for (Connection c : product) {
                assertThat(sessionOf(c)).as("a product connection").isEqualTo(freshInProduct);
            }
        } finally {
            for (Connection c : borrowed) {
                c.close();
            }
        }
    }

    private static boolean productDatabaseExists(Database database) throws SQLException {
        try (Connection c = database.dedicatedConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database.databaseName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, String> sessionOf(Connection c) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + String.join(", ", SESSION))) {
            rs.next();
            for (int i = 0; i < SESSION.size(); i++) {
                values.put(SESSION.get(i), rs.getString(i + 1));
            }
        }
        return values;
    }

    private static String lockHolder(TestDatabase db) throws SQLException {
        try (Connection c = db.server().adminConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('dbcreator." + db.name() + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The user's connections on the server, as "command: info". */
    private static List<String> connectionsOf(TestDatabase db, String user) throws SQLException {
        List<String> connections = new ArrayList<>();
        try (Connection c = db.server().adminConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COMMAND, COALESCE(INFO, '') FROM information_schema.PROCESSLIST WHERE USER = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    connections.add(rs.getString(1) + ": " + rs.getString(2));
                }
            }
        }
        return connections;
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).toList();
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    /** Closing is asynchronous on the server (a connection's end) and in executors (a thread's end): a few seconds' grace. */
    private static void assertEventually(Check check) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
