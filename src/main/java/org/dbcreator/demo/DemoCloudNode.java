package org.dbcreator.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.NodeWorkload;
import org.dbcreator.cluster.NodeWrite;
import org.dbcreator.history.NodeContract;

/**
 * A DemoCloud management-server node of one release: it registers in mshost and, one unit of work
 * at a time, reads and writes every table and column that an upgrade step changes (events and
 * their level or severity, hosts with their uuid and capacity, accounts and their domain, usage
 * records and the billing query), the way its release does. Each write is read back in the
 * node's own terms within its transaction; a different answer is a wrong result.
 */
public final class DemoCloudNode implements NodeWorkload {

    private static final String[] LEVELS = {"ERROR", "WARN", "INFO", "DEBUG"};
    private static final int[] SEVERITIES = {3, 4, 6, 7};
    private static final long ROOT_DOMAIN = 1;
    private static final int KEPT_HOSTS = 100;

    private final SplittableRandom random = new SplittableRandom();
    private final List<Long> ownHosts = new ArrayList<>();
    private final List<String> ownHostUuids = new ArrayList<>();
    private Version release;
    private long nodeId;
    private long firstAccount;
    private long lastAccount;
    private List<Long> dataCenters;

    @Override
    public void register(Connection c, String name, Version nodeRelease, NodeContract contract) throws SQLException {
        this.release = nodeRelease;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mshost (name, version, state, service_ip, last_update,"
                + " created) VALUES (?, ?, 'Up', '127.0.0.1', NOW(3), NOW()) ON DUPLICATE KEY UPDATE"
                + " version = VALUES(version), state = 'Up', last_update = NOW(3)")) {
            ps.setString(1, name);
            ps.setString(2, nodeRelease.toString());
            ps.executeUpdate();
        }
        nodeId = single(c, "SELECT id FROM mshost WHERE name = ?", name);
        dataCenters = ids(c, "SELECT id FROM data_center ORDER BY id LIMIT 100");
        if (dataCenters.isEmpty()) {
            dataCenters = List.of(insert(c, "INSERT INTO data_center (uuid, name, created) VALUES (?, 'zone-of-" + nodeId
                    + "', NOW())", UUID.randomUUID().toString()));
        }
        firstAccount = single(c, "SELECT COALESCE(MIN(id), 0) FROM account");
        lastAccount = single(c, "SELECT COALESCE(MAX(id), 0) FROM account");
        if (lastAccount == 0) {
            firstAccount = lastAccount = insertAccount(c, new DemoCloudRelease(release, contract), false);
        }
    }

    @Override
    public List<NodeWrite> work(Connection c, long sequence, NodeContract contract) throws SQLException {
        DemoCloudRelease r = new DemoCloudRelease(release, contract);
        return switch ((int) (sequence % 6)) {
            case 0 -> List.of(insertEvent(c, r));
            case 1 -> List.of(insertUsageAndBill(c, r));
            case 2 -> List.of(insertHost(c, r));
            case 3 -> ownHosts.isEmpty() ? List.of(insertHost(c, r)) : List.of(changeCapacity(c, r));
            case 4 -> List.of(new NodeWrite("account", insertAccount(c, r, true), true, accountValues(r)));
            default -> readLists(c, r);
        };
    }

    @Override
    public void acknowledged(List<NodeWrite> writes) {
        for (NodeWrite w : writes) {
            if (w.table().equals("host") && w.insert()) {
                ownHosts.add(w.id());
                ownHostUuids.add((String) w.values().get("uuid"));
                if (ownHosts.size() > KEPT_HOSTS) {
                    ownHosts.remove(0);
                    ownHostUuids.remove(0);
                }
            }
        }
    }

    private NodeWrite insertEvent(Connection c, DemoCloudRelease r) throws SQLException {
        int kind = random.nextInt(LEVELS.length);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("account_id", anAccount());
        if (r.writesLevel()) {
            values.put("level", LEVELS[kind]);
        }
        if (r.writesSeverity()) {
            values.put("severity", SEVERITIES[kind]);
        }
        long id = insertRow(c, "event", Map.of("type", "VM.START", "description", "by node " + nodeId, "created",
                now()), values);
        Object read = r.writesSeverity()
                ? single(c, "SELECT severity FROM event WHERE id = ?", id)
                : text(c, "SELECT level FROM event WHERE id = ?", id);
        expect(read, r.writesSeverity() ? (Object) (long) SEVERITIES[kind] : LEVELS[kind], "event " + id);
        return new NodeWrite("event", id, true, values);
    }

    private NodeWrite insertUsageAndBill(Connection c, DemoCloudRelease r) throws SQLException {
        long account = anAccount();
        Map<String, Object> values = Map.of("type", "NETWORK.BYTES", "account_id", account, "zone_id",
                dataCenters.get(0), "size", (long) random.nextInt(1, 1 << 20));
        long id = insertRow(c, "usage_event", Map.of("created", now()), values);
        String bill = r.writesSeverity() ? "CALL account_usage(?, ?, ?)" : "SELECT type, COUNT(*), SUM(size) FROM usage_event"
                + " WHERE account_id = ? AND created >= ? AND created < ? GROUP BY type ORDER BY type";
        try (PreparedStatement ps = c.prepareStatement(bill)) {
            ps.setLong(1, account);
            ps.setTimestamp(2, Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)));
            ps.setTimestamp(3, Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)));
            boolean billed = false;
            for (boolean rows = ps.execute(); rows || ps.getUpdateCount() != -1; rows = ps.getMoreResults()) {
                if (rows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            billed |= rs.getString(1).equals("NETWORK.BYTES") && rs.getLong(2) > 0;
                        }
                    }
                }
            }
            if (!billed) {
                throw new WrongResultException("the bill of account " + account + " misses usage record " + id);
            }
        }
        return new NodeWrite("usage_event", id, true, values);
    }

    private NodeWrite insertHost(Connection c, DemoCloudRelease r) throws SQLException {
        long cpu = random.nextInt(1, 129);
        long ram = 1024L * random.nextInt(1, 513);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "host-of-" + nodeId);
        values.put("data_center_id", dataCenters.get(random.nextInt(dataCenters.size())));
        values.put("hypervisor_type", "KVM");
        values.put("mgmt_server_id", nodeId);
        if (r.knowsHostUuid()) {
            values.put("uuid", UUID.randomUUID().toString());
        }
        if (r.writesHostCapacityColumns()) {
            values.put("cpu_cores", cpu);
            values.put("ram_mb", ram);
        }
        long id = insertRow(c, "host", Map.of("created", now()), values);
        if (r.writesCapacityTable()) {
            writeCapacityTable(c, id, cpu, ram);
        }
        expectCapacity(c, r, id, cpu, ram);
        Map<String, Object> written = new LinkedHashMap<>(values);
        written.put("capacity", List.of(cpu, ram));
        return new NodeWrite("host", id, true, written);
    }

    private NodeWrite changeCapacity(Connection c, DemoCloudRelease r) throws SQLException {
        int pick = random.nextInt(ownHosts.size());
        long host = ownHosts.get(pick);
        long cpu = random.nextInt(1, 129);
        long ram = 1024L * random.nextInt(1, 513);
        if (r.writesHostCapacityColumns()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE host SET cpu_cores = ?, ram_mb = ? WHERE id = ?")) {
                ps.setLong(1, cpu);
                ps.setLong(2, ram);
                ps.setLong(3, host);
                ps.executeUpdate();
            }
        }
        if (r.writesCapacityTable()) {
            writeCapacityTable(c, host, cpu, ram);
        }
        expectCapacity(c, r, host, cpu, ram);
        if (r.knowsHostUuid() && ownHostUuids.get(pick) != null) {
            expect(single(c, "SELECT id FROM host WHERE uuid = ?", ownHostUuids.get(pick)), host, "host by uuid");
        }
        return new NodeWrite("host", host, false, Map.of("capacity", List.of(cpu, ram)));
    }

    private void writeCapacityTable(Connection c, long host, long cpu, long ram) throws SQLException {
        // With the expand's triggers in place, the host write may have filled the row already.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_capacity (host_id, cpu_cores, ram_mb, cpu_overcommit)"
                + " VALUES (?, ?, ?, 2.00) ON DUPLICATE KEY UPDATE cpu_cores = VALUES(cpu_cores), ram_mb = VALUES(ram_mb),"
                + " cpu_overcommit = VALUES(cpu_overcommit)")) {
            ps.setLong(1, host);
            ps.setLong(2, cpu);
            ps.setLong(3, ram);
            ps.executeUpdate();
        }
    }

    private void expectCapacity(Connection c, DemoCloudRelease r, long host, long cpu, long ram) throws SQLException {
        String sql = r.writesCapacityTable() ? "SELECT cpu_cores, ram_mb FROM host_capacity WHERE host_id = ?"
                : "SELECT cpu_cores, ram_mb FROM host WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, host);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != cpu || rs.getLong(2) != ram) {
                    throw new WrongResultException("host " + host + " does not read back the capacity just written");
                }
            }
        }
    }

    private long insertAccount(Connection c, DemoCloudRelease r, boolean check) throws SQLException {
        Map<String, Object> values = accountValues(r);
        long id = insertRow(c, "account", Map.of("uuid", UUID.randomUUID().toString(), "name", "user-of-" + nodeId,
                "type", 0, "created", now()), values);
        if (check && r.knowsDomains()) {
            expect(single(c, "SELECT domain_id FROM account WHERE id = ?", id), ROOT_DOMAIN, "account " + id);
        }
        return id;
    }

    private static Map<String, Object> accountValues(DemoCloudRelease r) {
        return r.knowsDomains() ? Map.of("domain_id", ROOT_DOMAIN) : Map.of();
    }

    /** The lists an operator's screen shows: VMs, one account's events, in the release's own terms. */
    private List<NodeWrite> readLists(Connection c, DemoCloudRelease r) throws SQLException {
        long account = anAccount();
        // The newest VMs by primary key first, then the view for them: asked for the view's newest
        // rows directly, MariaDB (10.11, 11.4) joins every VM from the few data centers and sorts
        // them all (0.3 s at 50,000 VMs), more than a node at 20 units of work a second can afford.
        readAll(c, "SELECT v.id, v.name, v.state, v.host_name FROM (SELECT id FROM vm_instance WHERE removed IS NULL"
                + " ORDER BY id DESC LIMIT 10) newest JOIN vm_view v ON v.id = newest.id ORDER BY v.id DESC");
        String events = r.writesSeverity()
                ? "SELECT id, severity_name, account_name FROM event_view WHERE account_id = ? ORDER BY created DESC LIMIT 20"
                : "SELECT id, level, description FROM event WHERE account_id = ? ORDER BY created DESC LIMIT 20";
        try (PreparedStatement ps = c.prepareStatement(events)) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2); // read like a node that shows it
                }
            }
        }
        return List.of();
    }

    private long anAccount() {
        return firstAccount + random.nextLong(lastAccount - firstAccount + 1);
    }

    /** Inserts one row from the fixed and the release-dependent values; returns its generated id. */
    private static long insertRow(Connection c, String table, Map<String, Object> fixed, Map<String, Object> values)
            throws SQLException {
        Map<String, Object> all = new LinkedHashMap<>(fixed);
        values.forEach((column, value) -> {
            if (!column.equals("capacity")) {
                all.put(column, value);
            }
        });
        String sql = "INSERT INTO " + table + " (" + String.join(", ", all.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(all.size(), "?")) + ")";
        return insert(c, sql, all.values().toArray());
    }

    private static long insert(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long single(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WrongResultException("no row for: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    private static String text(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void readAll(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getString(2);
            }
        }
    }

    private static void expect(Object actual, Object expected, String what) {
        if (!Objects.equals(actual, expected)) {
            throw new WrongResultException(what + " reads " + actual + " instead of " + expected);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
