package org.dbcreator.testing;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Secret;
import org.dbcreator.db.TlsMode;
import org.dbcreator.embedded.EmbeddedServer;
import org.dbcreator.embedded.ServerBinaries;
import org.dbcreator.embedded.UserFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The one server the integration tests of a run share, found in this order: an external server
 * named by {@code DBCREATOR_TEST_URL} (with {@code DBCREATOR_TEST_USER} and
 * {@code DBCREATOR_TEST_PASSWORD}); MySQL 8 in Testcontainers when a Docker engine answers; else
 * the embedded MariaDB, started once for the whole run.
 */
public final class TestServer {

    private static final Logger LOG = LoggerFactory.getLogger(TestServer.class);
    private static TestServer instance;

    private final String kind;
    private final ConnectionSettings admin;
    private final Optional<EmbeddedServer> embedded;

    private TestServer(String kind, ConnectionSettings admin, Optional<EmbeddedServer> embedded) {
        this.kind = kind;
        this.admin = admin;
        this.embedded = embedded;
    }

    public static synchronized TestServer get() {
        if (instance == null) {
            instance = start(System.getenv());
            LOG.info("integration tests run against {} at {}:{}", instance.kind, instance.admin.host(), instance.admin.port());
        }
        return instance;
    }

    private static TestServer start(Map<String, String> env) {
        String url = env.get("DBCREATOR_TEST_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
            ConnectionSettings admin = settings(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(),
                    env.getOrDefault("DBCREATOR_TEST_USER", "root"), env.getOrDefault("DBCREATOR_TEST_PASSWORD", ""));
            return new TestServer("external server " + url, admin, Optional.empty());
        }
        if (dockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.0").withUsername("root").withPassword("test");
            mysql.start();
            return new TestServer("MySQL 8 (Testcontainers)",
                    settings(mysql.getHost(), mysql.getMappedPort(3306), "root", "test"), Optional.empty());
        }
        Path folder = Path.of("target", "test-server").toAbsolutePath();
        TestFiles.deleteRecursively(folder);
        EmbeddedServer server = EmbeddedServer.inFolder(folder, UserFolders.fromEnvironment(),
                List.of("--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--skip-log-bin"))
                .start(0);
        return new TestServer("embedded MariaDB " + ServerBinaries.VERSION, server.rootSettings("mysql"), Optional.of(server));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static ConnectionSettings settings(String host, int port, String user, String password) {
        return new ConnectionSettings(host, port, "mysql", user, Secret.of(password), TlsMode.PREFERRED, Optional.empty());
    }

    /** A server a test started itself, e.g. a {@link ThrowawayServer}. */
    static TestServer of(String kind, ConnectionSettings admin) {
        return new TestServer(kind, admin, Optional.empty());
    }

    /** Administrator settings pointing at {@code database}. */
    public ConnectionSettings admin(String database) {
        return admin.withDatabase(database);
    }

    public String kind() {
        return kind;
    }

    /** The embedded server, when the tests run on it (its folder holds the stock client binaries). */
    public Optional<EmbeddedServer> embedded() {
        return embedded;
    }

    /** A plain administrator connection without a default database. */
    public Connection adminConnection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", admin.user());
        p.setProperty("password", admin.password().reveal());
        p.setProperty("sslMode", "PREFERRED");
        p.setProperty("allowPublicKeyRetrieval", "true");
        return DriverManager.getConnection("jdbc:mysql://" + admin.host() + ":" + admin.port() + "/", p);
    }
}
