package org.dbcreator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.progress.ProgressListener;

/**
 * Fills a freshly deployed DemoCloud database with about {@code rows} rows of realistic width
 * (most in the large append-only tables, as in a real installation): a benchmark fixture, not part
 * of the build. The same seed gives the same rows.
 *
 * <pre>
 *   data_center 10 | account 1 % | host 0.1 % | vm_instance 5 % | event 55 % | usage_event the rest
 * </pre>
 */
final class SampleFiller {

    private static final int BATCH = 2_000;
    private static final String[] EVENT_TYPES = {"VM.START", "VM.STOP", "VM.CREATE", "VOLUME.ATTACH", "NETWORK.UPDATE",
        "USER.LOGIN", "SNAPSHOT.CREATE", "TEMPLATE.COPY"};
    private static final String WORDS = "the management server scheduled a job on host for account with volume network"
            + " template snapshot completed failed retried migrated zone pod cluster storage pool";

    private final Random random = new Random(20261125L);
    private final Instant epoch = Instant.parse("2025-01-01T00:00:00Z");

    static void deployAndFill(ConnectionSettings settings, long rows) throws SQLException {
        try (DbCreator engine = DbCreator.connect(Catalog.bundled(), settings, ProgressListener.NONE)) {
            engine.deploy(Optional.of(Version.parse("4.1.0"))); // the schema it fills, and docs/benchmarks.md describes
            try (Connection c = engine.database().productConnection()) {
                c.setAutoCommit(false);
                new SampleFiller().fill(c, rows);
            }
        }
    }

    private void fill(Connection c, long rows) throws SQLException {
        long accounts = Math.max(10, rows / 100);
        long hosts = Math.max(5, rows / 1000);
        long vms = rows / 20;
        long events = rows * 55 / 100;
        long usage = rows - 10 - accounts - hosts - vms - events;
        insert(c, "INSERT INTO data_center (uuid, name, description, created) VALUES (?, ?, ?, ?)", 10, (ps, i) -> {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, "zone-" + i);
            ps.setString(3, sentence(8));
            ps.setTimestamp(4, time(i));
        });
        insert(c, "INSERT INTO account (uuid, name, type, state, created) VALUES (?, ?, ?, ?, ?)", accounts, (ps, i) -> {
            ps.setString(1, uuid());
            ps.setString(2, "account-" + i + "@example.org");
            ps.setInt(3, (int) (i % 3));
            ps.setString(4, i % 17 == 0 ? "disabled" : "enabled");
            ps.setTimestamp(5, time(i));
        });
        insert(c, "INSERT INTO host (uuid, name, data_center_id, private_ip, hypervisor_type, status, cpu_cores, ram_mb,"
                + " mgmt_server_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)", hosts, (ps, i) -> {
                    ps.setString(1, uuid());
                    ps.setString(2, "host-" + i);
                    ps.setLong(3, 1 + i % 10);
                    ps.setString(4, "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256));
                    ps.setString(5, i % 4 == 0 ? "VMware" : "KVM");
                    ps.setString(6, "Up");
                    ps.setInt(7, 16 + (int) (i % 4) * 16);
                    ps.setLong(8, 65_536L * (1 + i % 8));
                    ps.setTimestamp(9, time(i));
                });
        insert(c, "INSERT INTO vm_instance (uuid, name, display_name, account_id, data_center_id, host_id, state, cpu,"
                + " ram_mb, created, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", vms, (ps, i) -> {
                    ps.setString(1, uuid());
                    ps.setString(2, "i-" + i + "-VM");
                    ps.setString(3, "web server " + sentence(3));
                    ps.setLong(4, 1 + random.nextInt((int) accounts));
                    ps.setLong(5, 1 + i % 10);
                    ps.setLong(6, 1 + random.nextInt((int) hosts));
                    ps.setString(7, i % 9 == 0 ? "Stopped" : "Running");
                    ps.setInt(8, 1 << (i % 4));
                    ps.setLong(9, 1024L << (i % 5));
                    ps.setTimestamp(10, time(i));
                    ps.setTimestamp(11, i % 13 == 0 ? time(i + 1000) : null);
                });
        insert(c, "INSERT INTO event (type, state, description, account_id, level, created) VALUES (?, ?, ?, ?, ?, ?)",
                events, (ps, i) -> {
                    ps.setString(1, EVENT_TYPES[(int) (i % EVENT_TYPES.length)]);
                    ps.setString(2, i % 50 == 0 ? "Failed" : "Completed");
                    ps.setString(3, sentence(12 + random.nextInt(14)));
                    ps.setLong(4, 1 + random.nextInt((int) accounts));
                    ps.setString(5, i % 50 == 0 ? "ERROR" : "INFO");
                    ps.setTimestamp(6, time(i));
                });
        insert(c, "INSERT INTO usage_event (type, account_id, zone_id, resource_id, resource_name, size, created, processed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", usage, (ps, i) -> {
                    ps.setString(1, i % 3 == 0 ? "VOLUME.CREATE" : "VM.RUNNING");
                    ps.setLong(2, 1 + random.nextInt((int) accounts));
                    ps.setLong(3, 1 + i % 10);
                    ps.setLong(4, 1 + random.nextInt((int) Math.max(1, vms)));
                    ps.setString(5, "i-" + random.nextInt(1_000_000) + "-VM " + sentence(2));
                    ps.setLong(6, i % 3 == 0 ? 10_737_418_240L : 0);
                    ps.setTimestamp(7, time(i));
                    ps.setBoolean(8, i % 4 != 0);
                });
    }

    @FunctionalInterface
    private interface Row {
        void bind(PreparedStatement ps, long i) throws SQLException;
    }

    private static void insert(Connection c, String sql, long count, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long i = 1; i <= count; i++) {
                row.bind(ps, i);
                ps.addBatch();
                if (i % BATCH == 0 || i == count) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String sentence(int words) {
        String[] all = WORDS.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(all[random.nextInt(all.length)]);
        }
        return out.toString();
    }

    private Timestamp time(long i) {
        return Timestamp.from(epoch.plusSeconds(i * 17 + random.nextInt(17)));
    }
}
