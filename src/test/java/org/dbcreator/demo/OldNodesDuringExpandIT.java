package org.dbcreator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.testing.CatalogSteps.cleanup;
import static org.dbcreator.testing.CatalogSteps.connect;
import static org.dbcreator.testing.CatalogSteps.deploy;
import static org.dbcreator.testing.CatalogSteps.expand;
import static org.dbcreator.testing.CatalogSteps.migrate;
import static org.dbcreator.testing.CatalogSteps.stepTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.dbcreator.catalog.Step;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EXPANDED phase as the nodes live it: a step's expand has run on a database with sample rows,
 * nodes of the old release go on writing exactly as their release does, nodes of the new release
 * write their way, the data migration runs in between, then cleanup. Nothing may be lost.
 */
@ExtendWith(TestDatabaseExtension.class)
class OldNodesDuringExpandIT {

    private static final SampleSize SAMPLE = new SampleSize(10_000, 11);

    @Test
    void severityReplacementShouldKeepTheLevelOfEveryOldAndNewNodesWrite(TestDatabase db) throws SQLException {
        deploy(db, "4.1.0", SAMPLE);
        Step step = stepTo("4.2.0");
        try (Connection c = connect(db)) {
            expand(c, step);
            execute(c,
                    // a 4.1.0 node: knows level only, sometimes leaves it to its default
                    "INSERT INTO event (type, state, description, account_id, level, created)"
                            + " VALUES ('VM.START', 'Completed', 'old node, error', 3, 'ERROR', NOW())",
                    "INSERT INTO event (type, account_id, created) VALUES ('USER.LOGIN', 4, NOW())",
                    "UPDATE event SET level = 'WARN' WHERE id = 10",
                    "UPDATE event SET state = 'Started' WHERE id = 11",
                    // a 4.2.0 node: writes severity, with or without level
                    "INSERT INTO event (type, account_id, level, severity, created) VALUES ('VM.STOP', 5, 'DEBUG', 7, NOW())",
                    "INSERT INTO event (type, account_id, severity, created) VALUES ('VM.STOP', 5, 4, NOW())",
                    "UPDATE event SET severity = 3 WHERE id = 12");
            migrate(c, step);
            execute(c,
                    "INSERT INTO event (type, account_id, level, created) VALUES ('VM.REBOOT', 6, 'DEBUG', NOW())",
                    "UPDATE event SET level = 'ERROR' WHERE id = 13");

            assertThat(db.number("SELECT COUNT(*) FROM event WHERE severity IS NULL OR severity <> "
                    + BackfillEventSeverity.SEVERITY_OF_LEVEL)).as("events whose severity and level disagree").isZero();
            List<String> expected = db.rows("SELECT id, " + BackfillEventSeverity.SEVERITY_OF_LEVEL + " FROM event ORDER BY id");
            assertThat(db.rows("SELECT level, severity FROM event WHERE id IN (10, 11, 12, 13) ORDER BY id"))
                    .containsExactly("WARN | 4", "INFO | 6", "ERROR | 3", "ERROR | 3");
            assertThat(db.rows("SELECT level, severity FROM event WHERE id > 10000 ORDER BY id"))
                    .containsExactly("ERROR | 3", "INFO | 6", "DEBUG | 7", "WARN | 4", "DEBUG | 7");

            cleanup(c, step);

            assertThat(db.rows("SELECT id, severity FROM event ORDER BY id")).isEqualTo(expected).hasSize(10_005);
            execute(c, "INSERT INTO event (type, account_id, severity, created) VALUES ('VM.START', 7, 6, NOW())");
        }
    }

    @Test
    void hostSplitShouldKeepTheCapacityOfEveryOldAndNewNodesWrite(TestDatabase db) throws SQLException {
        deploy(db, "4.2.0", SAMPLE);
        Step step = stepTo("4.3.0");
        try (Connection c = connect(db)) {
            expand(c, step);
            execute(c,
                    // a 4.2.0 node: knows host.cpu_cores and host.ram_mb only
                    "INSERT INTO host (name, data_center_id, private_ip, hypervisor_type, status, cpu_cores, ram_mb,"
                            + " mgmt_server_id, created, uuid) VALUES ('kvm-old-node', 1, '10.9.9.9', 'KVM', 'Up', 40,"
                            + " 327680, NULL, NOW(), UUID())",
                    "UPDATE host SET cpu_cores = 96, ram_mb = 786432 WHERE id = 3",
                    "UPDATE host SET status = 'Maintenance' WHERE id = 4",
                    "INSERT INTO host (name, data_center_id, hypervisor_type, status, cpu_cores, ram_mb, created, uuid)"
                            + " VALUES ('kvm-short-lived', 1, 'KVM', 'Up', 8, 32768, NOW(), UUID())",
                    "DELETE FROM host WHERE name = 'kvm-short-lived'",
                    // a 4.3.0 node while EXPANDED: writes both places, and the new overcommit ratios
                    "INSERT INTO host (name, data_center_id, hypervisor_type, status, cpu_cores, ram_mb, created, uuid)"
                            + " VALUES ('kvm-new-node', 2, 'KVM', 'Up', 64, 524288, NOW(), UUID())",
                    "INSERT INTO host_capacity (host_id, cpu_cores, ram_mb, cpu_overcommit) SELECT id, 64, 524288, 4.00"
                            + " FROM host WHERE name = 'kvm-new-node' ON DUPLICATE KEY UPDATE cpu_overcommit = 4.00");
            migrate(c, step);
            execute(c, "UPDATE host SET ram_mb = 262144 WHERE id = 5");

            List<String> expected = db.rows("SELECT id, cpu_cores, ram_mb FROM host ORDER BY id");
            assertThat(db.rows("SELECT host_id, cpu_cores, ram_mb FROM host_capacity ORDER BY host_id"))
                    .isEqualTo(expected).hasSize(10 + 2);
            execute(c, "DELETE FROM host_capacity WHERE host_id = 6"); // lost by a node that broke the contract

            cleanup(c, step);

            assertThat(db.rows("SELECT host_id, cpu_cores, ram_mb FROM host_capacity ORDER BY host_id")).isEqualTo(expected);
            assertThat(db.rows("SELECT h.name, c.cpu_overcommit FROM host h JOIN host_capacity c ON c.host_id = h.id"
                    + " WHERE h.name LIKE 'kvm-%-node' ORDER BY h.name")).containsExactly("kvm-new-node | 4.00",
                    "kvm-old-node | 1.00");
            // from now on 4.3.0 nodes write host_capacity only
            execute(c, "INSERT INTO host (name, data_center_id, hypervisor_type, status, created, uuid)"
                    + " VALUES ('kvm-after-cleanup', 1, 'KVM', 'Up', NOW(), UUID())",
                    "INSERT INTO host_capacity (host_id, cpu_cores, ram_mb) SELECT id, 32, 262144 FROM host"
                            + " WHERE name = 'kvm-after-cleanup'");
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
