package org.dbcreator.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.dbcreator.db.ConnectionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server an evaluator gets: real accounts, data kept between runs, clean stop. */
class EmbeddedServerIT {

    @TempDir
    Path folder;

    @Test
    void serverShouldKeepDataBetweenRunsAndRefuseWrongPasswords() throws Exception {
        ConnectionSettings first;
        try (EmbeddedServer server = EmbeddedServer.inFolder(folder, UserFolders.fromEnvironment(), List.of()).start(0)) {
            first = server.rootSettings("mysql");
            try (Connection c = connect(first, first.password().reveal()); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE kept");
                s.execute("CREATE TABLE kept.t (id INT PRIMARY KEY)");
                s.execute("INSERT INTO kept.t VALUES (42)");
            }
            assertThatThrownBy(() -> connect(first, "wrong").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
            assertThatThrownBy(() -> connect(first, "").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
        assertThat(Files.exists(folder.resolve("first-start.sql"))).as("init file removed").isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("credentials.properties"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(folder.resolve("server.log"))).contains("Shutdown complete");

        try (EmbeddedServer again = EmbeddedServer.inFolder(folder, UserFolders.fromEnvironment(), List.of()).start(0)) {
            ConnectionSettings second = again.rootSettings("mysql");
            assertThat(second.password()).isEqualTo(first.password());
            try (Connection c = connect(second, second.password().reveal()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM kept.t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            assertThat(again.isRunning()).isTrue();
        }
    }

    private static Connection connect(ConnectionSettings settings, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        p.setProperty("password", password);
        p.setProperty("sslMode", "DISABLED");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + settings.port() + "/", p);
    }
}
