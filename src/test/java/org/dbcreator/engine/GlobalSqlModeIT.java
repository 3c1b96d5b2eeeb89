package org.dbcreator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;
import org.dbcreator.backup.BackupRequest;
import org.dbcreator.backup.RestoreRequest;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.db.SchemaSnapshot;
import org.dbcreator.db.SessionMode;
import org.dbcreator.history.Phase;
import org.dbcreator.progress.ProgressListener;
import org.dbcreator.testing.StockClient;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.ThrowawayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the server's global sql_mode, the bundled catalog deploys, upgrades (taking its backup
 * first) and cleans up to the same schema as under the default mode, its routines keep the
 * server's default mode, and the backup the upgrade called verified restores, by us and by the
 * stock client, under that same global mode. Runs on a {@link ThrowawayServer}: it changes the
 * global sql_mode.
 */
class GlobalSqlModeIT {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final SampleSize SAMPLE = new SampleSize(300, 7);

    @TempDir
    static Path serverFolder;
    private static ThrowawayServer server;
    private static SchemaSnapshot reference;

    @TempDir
    Path folder;

    @BeforeAll
    static void deployReferenceUnderTheDefaultMode() throws Exception {
        server = ThrowawayServer.start(serverFolder);
        try (TestDatabase fresh = TestDatabase.on(server.server())) {
            new Operator(CATALOG, fresh.admin()).deploy(null, SAMPLE);
            reference = UpgradeIT.productSchema(fresh);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "global sql_mode ''{0}''")
    @ValueSource(strings = {"ANSI_QUOTES", "NO_BACKSLASH_ESCAPES", "PIPES_AS_CONCAT", "ORACLE",
        "STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,ONLY_FULL_GROUP_BY", ""})
    void deployUpgradeCleanupAndTheUpgradesBackupShouldWork(String mode) throws Exception {
        try (TestDatabase db = TestDatabase.on(server.server()); TestDatabase ours = TestDatabase.on(server.server());
                TestDatabase stock = TestDatabase.on(server.server())) {
            stock.create();
            Operator op = new Operator(CATALOG, db.admin());
            server.setGlobalSqlMode(mode);
            try {
                op.deploy(CATALOG.baselineVersion().toString(), SAMPLE);
                UpgradeResult expanded = op.upgrade(ProgressListener.NONE, BackupPolicy.takeFirst(BackupRequest.to(folder)));
                UpgradeResult cleaned = op.cleanup(ProgressListener.NONE);
                assertThat(expanded.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
                assertThat(cleaned.outcome()).isEqualTo(UpgradeResult.Outcome.APPLIED);
                Path backup = Path.of(db.rows("SELECT file FROM dbcreator_backup").get(0));
                try (DbCreator engine = DbCreator.connect(CATALOG, ours.admin(), ProgressListener.NONE)) {
                    engine.restore(backup, RestoreRequest.intoEmpty());
                }
                try (InputStream sql = new GZIPInputStream(Files.newInputStream(backup))) {
                    new StockClient(stock.admin()).run(sql, stock.name());
                }
            } finally {
                server.resetGlobalSqlMode();
            }

            StatusReport status = op.status();
            assertThat(status.phase()).contains(Phase.CLEAN);
            assertThat(status.schemaVersion()).contains(CATALOG.latestVersion());
            assertThat(UpgradeIT.productSchema(db).differencesFrom(reference)).isEmpty();
            assertThat(db.rows("SELECT DISTINCT SQL_MODE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                    + " UNION SELECT DISTINCT SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"))
                    .containsExactly(SessionMode.MARIADB_DEFAULT);
            String counts = "SELECT (SELECT COUNT(*) FROM account), (SELECT COUNT(*) FROM vm_instance),"
                    + " (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM usage_event)";
            for (TestDatabase copy : new TestDatabase[] {ours, stock}) {
                assertThat(new Operator(CATALOG, copy.admin()).status().schemaVersion()).as("the backup precedes the upgrade")
                        .contains(CATALOG.baselineVersion());
                assertThat(copy.rows(counts)).as("rows the upgrade leaves alone").isEqualTo(db.rows(counts));
            }
            assertThat(db.number("SELECT COUNT(*) FROM usage_event")).isPositive();
        }
    }
}
