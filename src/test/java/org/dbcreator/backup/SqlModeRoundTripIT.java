package org.dbcreator.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.dbcreator.db.Database;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.StockClient;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.ThrowawayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round trip under every hostile global sql_mode: a database with every kind of object and
 * dependency, objects created under that mode, then with the server's global mode set to it
 * {@code backup}, our {@code restore} and the stock client's {@code gunzip -c | mariadb} into two
 * copies; both copies must equal the source in row counts, content checksums (ours and the
 * server's CHECKSUM TABLE), the stock tool's schema dump, and what the mode's objects return.
 * Changes the global sql_mode, so it runs on a {@link ThrowawayServer}; every mode takes 2 to 4 s.
 */
class SqlModeRoundTripIT {

    @TempDir
    static Path serverFolder;
    private static ThrowawayServer server;

    @TempDir
    Path folder;

    @BeforeAll
    static void startServer() throws Exception {
        server = ThrowawayServer.start(serverFolder);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(HostileMode.class)
    void backupShouldRestoreIdenticallyByUsAndByTheStockClient(HostileMode mode) throws Exception {
        try (TestDatabase source = TestDatabase.on(server.server()); TestDatabase ours = TestDatabase.on(server.server());
                TestDatabase stock = TestDatabase.on(server.server())) {
            server.resetGlobalSqlMode();
            Fixtures.deployRich(source);
            DependencyFixture.add(source);
            source.execute(mode.createObjects().toArray(String[]::new));
            source.execute("INSERT INTO account (uuid, name, type, created) VALUES ('a-3', 'carol', 0, NOW())");
            List<String> counts = rowCounts(source);
            List<String> checksums = Fixtures.serverChecksums(source); // before the backup records itself
            stock.create();

            server.setGlobalSqlMode(mode.sqlMode);
            BackupResult backup = BackupRestoreIT.backup(source, BackupRequest.to(folder).withRanges(1), ProgressListener.NONE);
            RestoreResult restored = BackupRestoreIT.restore(backup.files().dump(), ours, RestoreRequest.intoEmpty(),
                    ProgressListener.NONE);
            try (InputStream sql = new GZIPInputStream(Files.newInputStream(backup.files().dump()))) {
                new StockClient(stock.admin()).run(sql, stock.name());
            }
            server.resetGlobalSqlMode();

            assertThat(restored.checksumsCompared()).isTrue();
            String schema = schemaDump(source);
            for (TestDatabase copy : List.of(ours, stock)) {
                try (Database restoredDb = Database.connect(copy.admin())) {
                    assertThat(ContentVerifier.differences(restoredDb, backup.manifest(), 2)).as(copy.name()).isEmpty();
                }
                assertThat(rowCounts(copy)).as("row counts").isEqualTo(counts);
                assertThat(Fixtures.serverChecksums(copy)).as("CHECKSUM TABLE").isEqualTo(checksums);
                assertThat(schemaDump(copy)).as("schema dump").isEqualTo(schema);
            }
            List<String> expected = outcomes(source);
            assertThat(outcomes(ours)).isEqualTo(expected);
            assertThat(outcomes(stock)).isEqualTo(expected);
        }
    }

    /** What the mode's objects and the dependency chain give; run last, since the probes write. */
    private static List<String> outcomes(TestDatabase db) throws SQLException {
        List<String> outcomes = new ArrayList<>();
        List<String> probes = new ArrayList<>(HostileMode.probes());
        probes.addAll(List.of("SELECT * FROM a_a_view_on_views", "SELECT view_rows(), add_one(1)",
                "INSERT INTO account (uuid, name, type, created) VALUES ('a-4', 'dave', 0, NOW())",
                "SELECT name FROM account_log ORDER BY id"));
        for (String probe : probes) {
            outcomes.add(probe + " -> " + outcome(db, probe));
        }
        return outcomes;
    }

    private static String outcome(TestDatabase db, String probe) {
        try {
            if (probe.startsWith("SELECT")) {
                return db.rows(probe).toString();
            }
            db.execute(probe);
            return "done";
        } catch (SQLException e) {
            return "error " + e.getErrorCode();
        }
    }

    private static List<String> rowCounts(TestDatabase db) throws SQLException {
        List<String> counts = new ArrayList<>();
        for (String table : Fixtures.tables(db)) {
            if (!table.equals(SchemaReader.LOCK_TABLE)) {
                counts.add(table + " " + db.number("SELECT COUNT(*) FROM `" + table + "`"));
            }
        }
        return counts;
    }

    /** mariadb-dump's view of the schema: every definition with its sql_mode, character set and collation. */
    private String schemaDump(TestDatabase db) throws Exception {
        Path file = folder.resolve(db.name() + ".schema.sql");
        new StockClient(db.admin()).dump(db.name(), file, "--no-data", "--skip-comments");
        return Files.readString(file).replace(db.name(), "DB").replaceAll(" AUTO_INCREMENT=\\d+", "");
    }
}
