package org.dbcreator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.testing.CatalogSteps.CATALOG;
import static org.dbcreator.testing.CatalogSteps.cleanup;
import static org.dbcreator.testing.CatalogSteps.connect;
import static org.dbcreator.testing.CatalogSteps.deploy;
import static org.dbcreator.testing.CatalogSteps.expand;
import static org.dbcreator.testing.CatalogSteps.migrate;
import static org.dbcreator.testing.CatalogSteps.rollback;
import static org.dbcreator.testing.CatalogSteps.stepTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.dbcreator.catalog.Step;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.testing.RowChecksum;
import org.dbcreator.testing.SchemaFacts;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two orders the catalog's steps run in give the same database: a fresh deploy runs each
 * step's expand, migrations and cleanup in turn; an upgrade over several releases runs every
 * expand (each followed by its migrations), then every cleanup. And each rollback undoes its expand.
 */
@ExtendWith(TestDatabaseExtension.class)
class UpgradePathIT {

    private static final SampleSize SAMPLE = new SampleSize(10_000, 5);

    @Test
    void allExpandsThenAllCleanupsShouldEndLikeAFreshDeployWhileTheOldestNodesWrite(TestDatabase upgraded,
            TestDatabase fresh) throws SQLException {
        deploy(upgraded, CATALOG.baselineVersion().toString(), SAMPLE);
        List<Step> steps = CATALOG.manifest().steps();
        try (Connection c = connect(upgraded)) {
            for (Step step : steps) {
                expand(c, step);
                migrate(c, step);
            }
            // every release since the baseline may run now; the oldest knows none of the expands
            execute(c, "INSERT INTO host (id, name, data_center_id, hypervisor_type, status, cpu_cores, ram_mb,"
                            + " mgmt_server_id, created) VALUES (1000, 'kvm-4.0-node', 1, 'KVM', 'Up', 12, 49152, 2, NOW())",
                    "UPDATE host SET cpu_cores = 20 WHERE id = 2",
                    "INSERT INTO event (id, type, account_id, level, created) VALUES (100000, 'VM.START', 1, 'WARN', NOW())",
                    "INSERT INTO account (id, uuid, name, type, created) VALUES (9000, UUID(), 'zoë.4.0', 0, NOW())");
            for (Step step : steps) {
                cleanup(c, step);
            }
        }
        deploy(fresh, CATALOG.latestVersion().toString(), SAMPLE);

        assertThat(schemaOf(upgraded)).isEqualTo(schemaOf(fresh));
        assertSameSampleRows(upgraded, fresh, "event", "id, type, state, description, account_id, severity, created",
                "id <= 10000");
        assertSameSampleRows(upgraded, fresh, "usage_event", "*", "TRUE");
        assertSameSampleRows(upgraded, fresh, "vm_instance", "*", "TRUE");
        assertSameSampleRows(upgraded, fresh, "account", "id, uuid, name, type, state, created, removed, domain_id",
                "id < 9000");
        assertSameSampleRows(upgraded, fresh, "host_capacity", "*", "host_id <> 2 AND host_id < 1000");
        assertThat(upgraded.rows("SELECT h.uuid IS NOT NULL, h.mgmt_server_id, c.cpu_cores, c.ram_mb FROM host h"
                + " JOIN host_capacity c ON c.host_id = h.id WHERE h.id IN (2, 1000) ORDER BY h.id"))
                .containsExactly("1 | null | 20 | " + fresh.number("SELECT ram_mb FROM host_capacity WHERE host_id = 2"),
                        "1 | null | 12 | 49152");
        assertThat(upgraded.rows("SELECT severity FROM event WHERE id = 100000")).containsExactly("4");
        assertThat(upgraded.rows("SELECT domain_id FROM account WHERE id = 9000")).containsExactly("1");
    }

    static Stream<String> stepsWithRollback() {
        return CATALOG.manifest().steps().stream().filter(s -> s.rollbackPath().isPresent()).map(s -> s.to().toString());
    }

    @ParameterizedTest(name = "rollback of {0}")
    @MethodSource("stepsWithRollback")
    void rollbackShouldRestoreTheSchemaAndRowsOfThePreviousRelease(String version, TestDatabase db,
            TestDatabase reference) throws SQLException {
        Step step = stepTo(version);
        deploy(db, step.from().toString(), SAMPLE);
        deploy(reference, step.from().toString(), SAMPLE);
        try (Connection c = connect(db)) {
            expand(c, step);
            migrate(c, step);
            rollback(c, step);
        }

        assertThat(schemaOf(db)).isEqualTo(schemaOf(reference));
        for (String table : List.of("event", "host", "account")) {
            assertSameSampleRows(db, reference, table, "*", "TRUE");
        }
    }

    @Test
    void hostSplitRollbackShouldGiveBackTheOldColumnsOfHostsWrittenWithoutThem(TestDatabase db) throws SQLException {
        Step step = stepTo("4.3.0");
        deploy(db, step.from().toString(), SAMPLE);
        try (Connection c = connect(db)) {
            expand(c, step);
            migrate(c, step);
            execute(c, "INSERT INTO host (id, name, data_center_id, hypervisor_type, status, created, uuid)"
                            + " VALUES (500, 'kvm-new-only', 1, 'KVM', 'Up', NOW(), UUID())",
                    "INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) VALUES (500, 72, 589824)");
            rollback(c, step);
        }
        assertThat(db.rows("SELECT cpu_cores, ram_mb FROM host WHERE id = 500")).containsExactly("72 | 589824");
    }

    private static void assertSameSampleRows(TestDatabase actual, TestDatabase expected, String table, String columns,
            String where) throws SQLException {
        String list = columns.equals("*") ? String.join(", ", columnsOf(expected, table)) : columns;
        assertThat(RowChecksum.of(actual, table, list, where)).as(table)
                .isEqualTo(RowChecksum.of(expected, table, list, where));
    }

    private static List<String> columnsOf(TestDatabase db, String table) throws SQLException {
        return db.rows("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                + "' AND TABLE_NAME = '" + table + "' AND COLUMN_NAME <> 'uuid' ORDER BY ORDINAL_POSITION");
    }

    private static List<String> schemaOf(TestDatabase db) throws SQLException {
        try (Connection c = db.server().adminConnection()) {
            return SchemaFacts.of(c, db.name());
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
