package org.dbcreator.ui.app;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dbcreator.cluster.NodeWrite;

/**
 * Every write demo nodes saw acknowledged, compared with what the server holds after the cleanup
 * (as RollingUpgradeIT checks it): each row is there, in the new columns where an old node wrote
 * the old ones.
 */
final class AcknowledgedWrites {

    private static final Map<String, Integer> SEVERITY_OF_LEVEL = Map.of("ERROR", 3, "WARN", 4, "INFO", 6, "DEBUG", 7);

    private final List<NodeWrite> writes;
    private final UpgradeJourney.Sql db;

    AcknowledgedWrites(List<NodeWrite> writes, UpgradeJourney.Sql db) {
        this.writes = List.copyOf(writes);
        this.db = db;
    }

    /** Each acknowledged write that the server does not hold as written; empty when none is lost. */
    List<String> missing() throws SQLException {
        List<String> mismatches = new ArrayList<>();
        Map<Long, Map<String, Object>> events = inserts("event");
        Map<Long, List<String>> eventRows = rowsById("SELECT id, account_id, severity FROM event WHERE id IN (%s)",
                events.keySet());
        events.forEach((id, v) -> expect(mismatches, "event " + id, eventRows.get(id), List.of(v.get("account_id"),
                v.containsKey("severity") ? v.get("severity") : SEVERITY_OF_LEVEL.get((String) v.get("level")))));

        Map<Long, Map<String, Object>> usage = inserts("usage_event");
        Map<Long, List<String>> usageRows = rowsById(
                "SELECT id, type, account_id, zone_id, size FROM usage_event WHERE id IN (%s)", usage.keySet());
        usage.forEach((id, v) -> expect(mismatches, "usage_event " + id, usageRows.get(id),
                List.of(v.get("type"), v.get("account_id"), v.get("zone_id"), v.get("size"))));

        Map<Long, Map<String, Object>> hosts = inserts("host");
        Map<Long, Object> lastCapacity = new TreeMap<>();
        writes.stream().filter(w -> w.table().equals("host")).forEach(w -> lastCapacity.put(w.id(), w.values().get("capacity")));
        Map<Long, List<String>> hostRows = rowsById("SELECT h.id, h.name, h.data_center_id, h.hypervisor_type,"
                + " h.mgmt_server_id, h.uuid IS NOT NULL, c.cpu_cores, c.ram_mb FROM host h"
                + " LEFT JOIN host_capacity c ON c.host_id = h.id WHERE h.id IN (%s)", hosts.keySet());
        hosts.forEach((id, v) -> {
            List<?> capacity = (List<?>) lastCapacity.get(id);
            expect(mismatches, "host " + id, hostRows.get(id), List.of(v.get("name"), v.get("data_center_id"),
                    v.get("hypervisor_type"), v.get("mgmt_server_id"), 1, capacity.get(0), capacity.get(1)));
        });

        Map<Long, Map<String, Object>> accounts = inserts("account");
        Map<Long, List<String>> accountRows = rowsById("SELECT id, domain_id FROM account WHERE id IN (%s)", accounts.keySet());
        accounts.keySet().forEach(id -> expect(mismatches, "account " + id, accountRows.get(id), List.of(1)));
        return mismatches;
    }

    /** The number of acknowledged inserts into {@code table}. */
    long insertsInto(String table) {
        return writes.stream().filter(w -> w.table().equals(table) && w.insert()).count();
    }

    private Map<Long, Map<String, Object>> inserts(String table) {
        Map<Long, Map<String, Object>> inserted = new TreeMap<>();
        writes.stream().filter(w -> w.table().equals(table) && w.insert()).forEach(w -> inserted.put(w.id(), w.values()));
        return inserted;
    }

    private Map<Long, List<String>> rowsById(String select, Collection<Long> ids) throws SQLException {
        Map<Long, List<String>> rows = new TreeMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (String row : db.rows(select.formatted(in))) {
            List<String> columns = List.of(row.split(" \\| ", -1));
            rows.put(Long.parseLong(columns.get(0)), columns.subList(1, columns.size()));
        }
        return rows;
    }

    private static void expect(List<String> mismatches, String what, List<String> actual, List<?> expected) {
        List<String> wanted = expected.stream().map(String::valueOf).toList();
        if (!wanted.equals(actual)) {
            mismatches.add(what + " reads " + actual + " instead of " + wanted);
        }
    }
}
