package org.dbcreator.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The connections to one server, pooled, plus what the tool learned about the server when it
 * connected. Connections come without a default database so that the tool can create it; ask for
 * {@link #productConnection()} to run the product's scripts.
 */
public final class Database implements AutoCloseable {

    private final ConnectionSettings settings;
    private final HikariDataSource pool;
    private final ServerInfo server;

    private Database(ConnectionSettings settings, HikariDataSource pool, ServerInfo server) {
        this.settings = settings;
        this.pool = pool;
        this.server = server;
    }

    /** Connects, or throws a {@link DbCreatorException} that says why not and what to do. */
    public static Database connect(ConnectionSettings settings) {
        Identifiers.require(settings.database(), "database");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw ConnectionFailures.translate(e, settings);
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            ServerInfo server = ServerInfo.parse(rs.getString(1));
            if (!server.isSupported()) {
                throw new DbCreatorException(ErrorCode.SERVER_UNSUPPORTED,
                        settings.host() + ":" + settings.port() + " runs " + server.describe() + ".");
            }
            return new Database(settings, pool, server);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw ConnectionFailures.translate(e, settings);
        }
    }

    private static HikariConfig poolConfig(ConnectionSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dbcreator");
        config.setJdbcUrl(jdbcUrl(settings));
        config.setUsername(settings.user());
        config.setPassword(settings.password().reveal());
        config.setDataSourceProperties(driverProperties(settings));
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(1); // fail at once with the driver's own reason
        return config;
    }

    private static String jdbcUrl(ConnectionSettings settings) {
        return "jdbc:mysql://" + settings.host() + ":" + settings.port() + "/";
    }

    private static Properties driverProperties(ConnectionSettings settings) {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "10000");
        p.setProperty("characterEncoding", "UTF-8");
        p.setProperty("allowMultiQueries", "false");
        p.setProperty("rewriteBatchedStatements", "true");
        p.setProperty("sslMode", settings.tlsMode().driverValue());
        // Without TLS, MySQL 8's default authentication needs the server's RSA key.
        p.setProperty("allowPublicKeyRetrieval", Boolean.toString(settings.tlsMode() == TlsMode.DISABLED));
        if (settings.tlsMode().verifiesCertificate()) {
            TrustStores.configure(p, settings);
        }
        return p;
    }

    public ServerInfo server() {
        return server;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The product database's name, validated. */
    public String databaseName() {
        return settings.database();
    }

    /**
     * A connection of its own, outside the pool, for state that must die with it (the operator
     * lock) rather than go back to the pool.
     */
    public Connection dedicatedConnection() throws SQLException {
        return dedicatedConnection(Map.of());
    }

    /**
     * A dedicated connection with some driver properties changed, e.g. {@code characterSetResults}
     * for a backup that reads every value as UTF-8 bytes.
     */
    public Connection dedicatedConnection(Map<String, String> driverOverrides) throws SQLException {
        Properties p = driverProperties(settings);
        driverOverrides.forEach(p::setProperty);
        p.setProperty("user", settings.user());
        p.setProperty("password", settings.password().reveal());
        return DriverManager.getConnection(jdbcUrl(settings), p);
    }

    /** A pooled connection with no default database. */
    public Connection serverConnection() throws SQLException {
        return pool.getConnection();
    }

    /** A pooled connection whose default database is the product database. */
    public Connection productConnection() throws SQLException {
        Connection c = pool.getConnection();
        try {
            c.setCatalog(settings.database());
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
