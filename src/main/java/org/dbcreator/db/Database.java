package org.dbcreator.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The connections to one server, pooled, plus what the tool learned about the server when it
 * connected. Connections come without a default database so that the tool can create it; ask for
 * {@link #productConnection()} to run the product's scripts. Every connection, pooled or
 * dedicated, starts under the engine's {@link SessionMode}, not the server's global sql_mode.
 */
public final class Database implements AutoCloseable {

    private final ConnectionSettings settings;
    private final Properties driverProperties;
    private final HikariDataSource pool;
    /** Connections whose default database is the product's; kept apart so that a server connection never has one. */
    private final HikariDataSource productPool;
    private final ServerInfo server;
    private final Optional<TrustStore> trustStore;

    private Database(ConnectionSettings settings, Properties driverProperties, HikariDataSource pool, ServerInfo server,
            Optional<TrustStore> trustStore) {
        this.settings = settings;
        this.driverProperties = driverProperties;
        this.pool = pool;
        this.productPool = new HikariDataSource(productPoolConfig(pool));
        this.server = server;
        this.trustStore = trustStore;
    }

    /** Connects, or throws a {@link DbCreatorException} that says why not and what to do. */
    public static Database connect(ConnectionSettings settings) {
        Identifiers.require(settings.database(), "database");
        Optional<TrustStore> trustStore = settings.tlsMode().verifiesCertificate()
                ? Optional.of(TrustStore.from(settings)) : Optional.empty();
        Properties driverProperties = driverProperties(settings, trustStore);
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(poolConfig(settings, driverProperties));
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                rs.next();
                ServerInfo server = ServerInfo.parse(rs.getString(1));
                if (!server.isSupported()) {
                    throw new DbCreatorException(ErrorCode.SERVER_UNSUPPORTED,
                            settings.host() + ":" + settings.port() + " runs " + server.describe() + ".");
                }
                return new Database(settings, driverProperties, pool, server, trustStore);
            }
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            trustStore.ifPresent(TrustStore::close);
            throw ConnectionFailures.translate(e, settings);
        }
    }

    private static HikariConfig poolConfig(ConnectionSettings settings, Properties driverProperties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dbcreator");
        config.setJdbcUrl(jdbcUrl(settings));
        config.setUsername(settings.user());
        config.setPassword(settings.password().reveal());
        config.setDataSourceProperties(driverProperties);
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(1); // fail at once with the driver's own reason
        return config;
    }

    /** Like the server pool, but opening no connection up front: the product database may not exist yet. */
    private static HikariConfig productPoolConfig(HikariDataSource serverPool) {
        HikariConfig config = new HikariConfig();
        serverPool.copyStateTo(config);
        config.setPoolName("dbcreator-product");
        config.setInitializationFailTimeout(-1);
        return config;
    }

    private static String jdbcUrl(ConnectionSettings settings) {
        return "jdbc:mysql://" + settings.host() + ":" + settings.port() + "/";
    }

    private static Properties driverProperties(ConnectionSettings settings, Optional<TrustStore> trustStore) {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "10000");
        p.setProperty("characterEncoding", "UTF-8");
        p.setProperty("allowMultiQueries", "false");
        p.setProperty("rewriteBatchedStatements", "true");
        // Set as the session opens, before the driver reads the session's settings: the driver then quotes
        // (setCatalog) and escapes for the mode the session really has.
        p.setProperty("sessionVariables", SessionMode.ENGINE_SESSION_VARIABLES);
        // The tool never makes a connection read-only. Left on, the driver asks the server whether
        // the session is read-only before every statement that is not a query (each DDL statement
        // of a script): one round trip each for nothing.
        p.setProperty("readOnlyPropagatesToServer", "false");
        p.setProperty("sslMode", settings.tlsMode().driverValue());
        // Without TLS, MySQL 8's default authentication needs the server's RSA key.
        p.setProperty("allowPublicKeyRetrieval", Boolean.toString(settings.tlsMode() == TlsMode.DISABLED));
        trustStore.ifPresent(store -> store.configure(p));
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
        Properties p = new Properties();
        p.putAll(driverProperties);
        driverOverrides.forEach(p::setProperty);
        p.setProperty("user", settings.user());
        p.setProperty("password", settings.password().reveal());
        return DriverManager.getConnection(jdbcUrl(settings), p);
    }

    /**
     * A pooled connection with no default database. Session variables it sets are put back when it
     * is closed (see {@link SessionGuard}).
     */
    public Connection serverConnection() throws SQLException {
        return SessionGuard.guard(pool.getConnection(), Optional.empty(), pool::evictConnection);
    }

    /** A pooled connection whose default database is the product database, put back as {@link #serverConnection()}. */
    public Connection productConnection() throws SQLException {
        Connection c = productPool.getConnection();
        try {
            c.setCatalog(settings.database());
            return SessionGuard.guard(c, Optional.of(settings.database()), productPool::evictConnection);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The temporary trust store made from the CA file, while this database is open. */
    Optional<Path> trustStoreFile() {
        return trustStore.map(TrustStore::file);
    }

    @Override
    public void close() {
        productPool.close();
        pool.close();
        trustStore.ifPresent(TrustStore::close);
    }
}
