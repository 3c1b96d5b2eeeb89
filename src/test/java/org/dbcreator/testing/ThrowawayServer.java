package org.dbcreator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;

/**
 * A MariaDB server of a test's own, in a folder of its own, for tests that may damage the server
 * (its system databases, its global settings) and so must never run on the shared one. Needs the
 * distribution's {@code mariadbd} and {@code mariadb-install-db}; where they are absent the test is
 * skipped (a JUnit assumption), so {@code mvn verify} passes on a machine with only a JDK and Maven.
 */
public final class ThrowawayServer implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Process process;
    private final int port;

    private ThrowawayServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Installs a fresh data folder in {@code folder} and starts a server on it; skips the test without the binaries. */
    public static ThrowawayServer start(Path folder) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SERVER) && Files.isExecutable(INSTALL), "needs " + SERVER + " and " + INSTALL);
        Path data = Files.createDirectories(folder.resolve("data"));
        Process install = new ProcessBuilder(INSTALL.toString(), "--no-defaults", "--user=root", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(folder.resolve("install.log").toFile()).start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed: " + Files.readString(folder.resolve("install.log")));
        }
        int port = freePort();
        Process server = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--user=root", "--datadir=" + data,
                "--bind-address=127.0.0.1", "--port=" + port, "--socket=" + folder.resolve("s.sock"),
                "--pid-file=" + folder.resolve("p.pid"), "--skip-log-bin")
                .redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile()).start();
        ThrowawayServer started = new ThrowawayServer(server, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = started.adminConnection()) {
                return started;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    started.close();
                    throw new IOException("the throwaway server did not start: " + Files.readString(folder.resolve("server.log")), e);
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Settings of its root account (no password) for {@code database}. */
    public ConnectionSettings admin(String database) {
        return new ConnectionSettings("127.0.0.1", port, database, "root", Secret.of(""), TlsMode.DISABLED, Optional.empty());
    }

    public Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&password=&sslMode=DISABLED");
    }

    /** The server as the other test helpers know one, e.g. for {@link TestDatabase#on(TestServer)}. */
    public TestServer server() {
        return TestServer.of("throwaway MariaDB at port " + port, admin("mysql"));
    }

    /** Sets the server's global sql_mode: every session opened afterwards starts under it. */
    public void setGlobalSqlMode(String mode) throws SQLException {
        execute(List.of("SET GLOBAL sql_mode = '" + mode.replace("'", "''") + "'"));
    }

    /** Back to the server's compiled-in default sql_mode. */
    public void resetGlobalSqlMode() throws SQLException {
        execute(List.of("SET GLOBAL sql_mode = DEFAULT"));
    }

    /** Runs each statement; returns nothing. */
    public void execute(List<String> statements) throws SQLException {
        try (Connection c = adminConnection(); var s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
