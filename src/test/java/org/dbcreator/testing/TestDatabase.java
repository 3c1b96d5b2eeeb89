package org.dbcreator.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Identifiers;
import org.dbcreator.db.Secret;

/**
 * A database name of one test's own, on the shared {@link TestServer}. The database itself is not
 * created (a test may need it absent); it and any users the test created are dropped afterwards.
 */
public final class TestDatabase implements AutoCloseable {

    private final TestServer server;
    private final String name;
    private final List<String> users = new ArrayList<>();

    TestDatabase(TestServer server) {
        this.server = server;
        this.name = "dbc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A new unique database name on the shared server; close it to drop what it became. */
    public static TestDatabase unique() {
        return new TestDatabase(TestServer.get());
    }

    /** A new unique database name on another server, e.g. a {@link ThrowawayServer}'s. */
    public static TestDatabase on(TestServer server) {
        return new TestDatabase(server);
    }

    public String name() {
        return name;
    }

    public TestServer server() {
        return server;
    }

    /** Administrator settings for this database. */
    public ConnectionSettings admin() {
        return server.admin(name);
    }

    /** Creates the database empty. */
    public TestDatabase create() throws SQLException {
        execute("CREATE DATABASE " + Identifiers.quote(name));
        return this;
    }

    /** Runs administrator statements with this database as the default. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = server.adminConnection()) {
            if (exists(c)) {
                c.setCatalog(name);
            }
            executeAll(c, statements);
        }
    }

    private static void executeAll(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Rows of an administrator query with this database as the default, columns joined by " | ". */
    public List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.adminConnection()) {
            c.setCatalog(name);
            try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    /** One column of an administrator query's rows, by label: for results whose columns differ between servers (EXPLAIN). */
    public List<String> column(String sql, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = server.adminConnection()) {
            c.setCatalog(name);
            try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(label));
                }
            }
        }
        return values;
    }

    /** The single number an administrator query returns, e.g. a COUNT(*). */
    public long number(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0));
    }

    /**
     * Creates a user (for both 'localhost' and '%', so that it matches however the server sees
     * the client) with the given grants on this database, e.g. "SELECT" or "SELECT, INSERT".
     */
    public ConnectionSettings createUser(String grants) throws SQLException {
        String user = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = "pw-" + UUID.randomUUID();
        users.add(user);
        for (String host : List.of("localhost", "%")) {
            execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
            if (!grants.isBlank()) {
                execute("GRANT " + grants + " ON " + Identifiers.quote(name) + ".* TO '" + user + "'@'" + host + "'");
            }
        }
        return admin().withUser(user, Secret.of(password));
    }

    private boolean exists(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server.adminConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
            for (String user : users) {
                s.execute("DROP USER IF EXISTS '" + user + "'@'localhost', '" + user + "'@'%'");
            }
        }
    }
}
