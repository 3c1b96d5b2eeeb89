package org.dbcreator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbcreator.testing.CatalogSteps.deploy;

import java.sql.SQLException;
import java.util.List;
import org.dbcreator.engine.SampleSize;
import org.dbcreator.testing.RowChecksum;
import org.dbcreator.testing.TestDatabase;
import org.dbcreator.testing.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One test per rolling change of the DemoCloud catalog, on sample rows: the release before the
 * change is deployed with a sample into one database, the release with the change with the same
 * sample into another (baseline, sample, then every step's expand, migrations and cleanup), and
 * the sample rows must have come through the change intact.
 */
@ExtendWith(TestDatabaseExtension.class)
class DemoCatalogIT {

    private static final SampleSize SAMPLE = new SampleSize(20_000, 7);

    @Test
    void addHostUuidShouldGiveEverySampleHostAUniqueUuid(TestDatabase before, TestDatabase after) throws SQLException {
        deploy(before, "4.0.0", SAMPLE);
        deploy(after, "4.1.0", SAMPLE);

        String columns = "id, name, data_center_id, private_ip, hypervisor_type, status, cpu_cores, ram_mb, created, removed";
        assertThat(RowChecksum.of(after, "host", columns)).isEqualTo(RowChecksum.of(before, "host", columns));
        assertThat(after.number("SELECT COUNT(DISTINCT uuid) FROM host")).isEqualTo(after.number("SELECT COUNT(*) FROM host"))
                .isEqualTo(20);
    }

    @Test
    void replaceEventLevelBySeverityShouldKeepEveryRowsLevel(TestDatabase before, TestDatabase after)
            throws SQLException {
        deploy(before, "4.1.0", SAMPLE);
        deploy(after, "4.2.0", SAMPLE);

        String severityOfLevel = BackfillEventSeverity.SEVERITY_OF_LEVEL;
        assertThat(RowChecksum.of(after, "event", "id, type, state, description, account_id, severity, created"))
                .isEqualTo(RowChecksum.of(before, "event", "id, type, state, description, account_id, "
                        + severityOfLevel + ", created"));
        assertThat(after.rows("SELECT severity, COUNT(*) FROM event GROUP BY severity ORDER BY severity"))
                .isEqualTo(before.rows("SELECT " + severityOfLevel + " AS s, COUNT(*) FROM event GROUP BY s ORDER BY s"))
                .hasSize(4);
        assertThat(after.rows("SELECT COLUMN_NAME, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                + after.name() + "' AND TABLE_NAME = 'event' AND COLUMN_NAME IN ('level', 'severity')"))
                .containsExactly("severity | NO");
        assertThat(triggers(after)).isEmpty();
    }

    @Test
    void usageIndexShouldServeOneAccountsUsageOverAPeriod(TestDatabase db) throws SQLException {
        deploy(db, "4.2.0", SAMPLE);

        assertThat(db.rows("SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = '" + db.name() + "' AND INDEX_NAME = 'ix_usage_event_account_created'"))
                .containsExactly("account_id,created");
        long quietAccount = db.number("SELECT account_id FROM usage_event GROUP BY account_id ORDER BY COUNT(*), account_id"
                + " LIMIT 1");
        assertThat(db.column("EXPLAIN SELECT type, COUNT(*), SUM(size) FROM usage_event WHERE account_id = " + quietAccount
                + " AND created >= '2025-01-01' AND created < '2025-07-01' GROUP BY type", "key"))
                .containsExactly("ix_usage_event_account_created");
    }

    @Test
    void splitHostCapacityShouldKeepEveryHostsCpuAndRam(TestDatabase before, TestDatabase after) throws SQLException {
        deploy(before, "4.2.0", SAMPLE);
        deploy(after, "4.3.0", SAMPLE);

        assertThat(after.rows("SELECT host_id, cpu_cores, ram_mb, cpu_overcommit, ram_overcommit FROM host_capacity"
                + " ORDER BY host_id"))
                .isEqualTo(before.rows("SELECT id, cpu_cores, ram_mb, 1.00, 1.00 FROM host ORDER BY id"))
                .hasSize(20);
        assertThat(after.number("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + after.name()
                + "' AND TABLE_NAME = 'host' AND COLUMN_NAME IN ('cpu_cores', 'ram_mb')")).isZero();
        assertThat(triggers(after)).isEmpty();
    }

    @Test
    void eventViewAndAccountUsageProcedureShouldAnswerFromTheSampleRows(TestDatabase before, TestDatabase after)
            throws SQLException {
        deploy(before, "4.1.0", SAMPLE);
        deploy(after, "4.2.0", SAMPLE);

        assertThat(after.rows("SELECT severity_name, COUNT(*) FROM event_view GROUP BY severity_name ORDER BY 1"))
                .isEqualTo(before.rows("SELECT level, COUNT(*) FROM event GROUP BY level ORDER BY 1"));
        assertThat(after.rows("SELECT account_name, COUNT(*) FROM event_view GROUP BY account_name ORDER BY 1"))
                .isEqualTo(before.rows("SELECT a.name, COUNT(*) FROM event e JOIN account a ON a.id = e.account_id"
                        + " GROUP BY a.name ORDER BY 1"));
        String period = "'2024-06-01', '2025-06-01'";
        assertThat(after.rows("CALL account_usage(1, " + period + ")"))
                .isEqualTo(before.rows("SELECT type, COUNT(*), SUM(size) FROM usage_event WHERE account_id = 1"
                        + " AND created >= '2024-06-01' AND created < '2025-06-01' GROUP BY type ORDER BY type"))
                .hasSizeGreaterThan(5);
        assertThat(after.rows("SELECT SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '" + after.name()
                + "' AND TABLE_NAME = 'event_view' UNION ALL SELECT SECURITY_TYPE FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = '" + after.name() + "' AND ROUTINE_NAME = 'account_usage'"))
                .containsExactly("INVOKER", "INVOKER");
    }

    @Test
    void tightenedConstraintsShouldHoldForEverySampleRow(TestDatabase before, TestDatabase after) throws SQLException {
        deploy(before, "4.2.0", SAMPLE);
        deploy(after, "4.3.0", SAMPLE);

        // The sample's hosts name nodes 1 to 3, but no node has registered in mshost: all dangle.
        assertThat(before.number("SELECT COUNT(*) FROM host WHERE mgmt_server_id IS NOT NULL")).isPositive();
        assertThat(after.number("SELECT COUNT(*) FROM host WHERE mgmt_server_id IS NOT NULL")).isZero();
        assertThat(after.rows("SELECT domain_id, COUNT(*) FROM account GROUP BY domain_id"))
                .containsExactly("1 | " + before.number("SELECT COUNT(*) FROM account"));
        assertThat(after.rows("SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = '" + after.name() + "' AND CONSTRAINT_NAME IN ('fk_account_domain',"
                + " 'fk_host_mshost') ORDER BY 1")).containsExactly("fk_account_domain", "fk_host_mshost");
        assertThat(after.rows("SELECT IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + after.name()
                + "' AND TABLE_NAME = 'account' AND COLUMN_NAME = 'domain_id'")).containsExactly("NO");
    }

    private static List<String> triggers(TestDatabase db) throws SQLException {
        return db.rows("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '" + db.name() + "'");
    }
}
