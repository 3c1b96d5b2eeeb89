package org.dbcreator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.testing.ThrowawayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's own databases are never a restore target nor a backup source: refused with exit
 * 44 before anything is done. On a throwaway server, since a bug here would wipe the grant tables.
 */
class SystemDatabaseRefusalIT {

    @TempDir
    static Path folder;

    private static ThrowawayServer server;
    private static Path dump;

    @BeforeAll
    static void startAndBackUp() throws Exception {
        server = ThrowawayServer.start(folder.resolve("server"));
        server.execute(List.of("CREATE DATABASE product", "CREATE TABLE product.t (id INT PRIMARY KEY)",
                "INSERT INTO product.t VALUES (1), (2)"));
        DbCreatorCli.Result backup = DbCreatorCli.run(server.admin("product"), "backup", "--to", folder.resolve("b").toString());
        assertThat(backup.exitCode()).as(backup.all()).isZero();
        try (var files = Files.list(folder.resolve("b"))) {
            dump = files.filter(p -> p.toString().endsWith(".sql.gz")).findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sys", "mysql", "SYS", "MySQL", "information_schema", "performance_schema"})
    void restoreIntoASystemDatabaseShouldBeRefusedAndChangeNothing(String system) throws Exception {
        List<String> before = systemPicture();

        DbCreatorCli.Result restore = DbCreatorCli.run(server.admin(system), "restore", dump.toString(), "--into", system,
                "--replace");

        assertThat(restore.exitCode()).as(restore.all()).isEqualTo(44);
        assertThat(restore.all()).contains("'" + system + "' is one of the server's own databases", "Nothing was changed");
        assertThat(systemPicture()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"information_schema", "mysql", "PERFORMANCE_SCHEMA", "sys"})
    void backupOfASystemDatabaseShouldBeRefusedWithoutCreatingItsFolder(String system) throws Exception {
        List<String> before = systemPicture();
        Path destination = folder.resolve("refused-" + system);

        DbCreatorCli.Result backup = DbCreatorCli.run(server.admin(system), "backup", "--to", destination.toString());

        assertThat(backup.exitCode()).as(backup.all()).isEqualTo(44);
        assertThat(backup.all()).contains("never backed up");
        assertThat(destination).doesNotExist();
        assertThat(systemPicture()).isEqualTo(before);
    }

    @Test
    void theServerShouldStillRestoreIntoAnOrdinaryDatabase() throws Exception {
        DbCreatorCli.Result restore = DbCreatorCli.run(server.admin("copy"), "restore", dump.toString(), "--into", "copy");

        assertThat(restore.exitCode()).as(restore.all()).isZero();
    }

    /**
     * Every database on the server, CHECKSUM TABLE of every table in mysql (but the InnoDB
     * statistics, which the server rewrites by itself), and every object in sys: what a restore
     * into a system database would have changed.
     */
    private static List<String> systemPicture() throws SQLException {
        List<String> picture = new ArrayList<>();
        try (Connection c = server.adminConnection(); Statement s = c.createStatement()) {
            collect(s, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY 1", picture);
            List<String> tables = new ArrayList<>();
            collect(s, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'"
                    + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'innodb\\_%\\_stats' ORDER BY 1", tables);
            for (String table : tables) {
                collect(s, "CHECKSUM TABLE mysql.`" + table + "`", picture);
            }
            collect(s, "SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'sys'"
                    + " UNION ALL SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = 'sys' UNION ALL SELECT CONCAT('TRIGGER ', TRIGGER_NAME)"
                    + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'sys' ORDER BY 1", picture);
        }
        assertThat(picture).contains("sys", "mysql").anySatisfy(p -> assertThat(p).startsWith("mysql.global_priv "));
        return picture;
    }

    private static void collect(Statement s, String sql, List<String> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(rs.getString(1));
                for (int i = 2; i <= columns; i++) {
                    row.append(' ').append(rs.getString(i));
                }
                into.add(row.toString());
            }
        }
    }
}
