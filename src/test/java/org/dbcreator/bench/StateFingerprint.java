package org.dbcreator.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.testing.SchemaFacts;

/**
 * What a contender left behind, to prove that every contender did the same work: the product's
 * schema and the rows the upgrade changes (row counts, and checksums of the backfilled and
 * tightened columns). Leaves out the tool's own tables (the engine's {@code dbcreator_*}, Flyway's
 * history) and values that differ by nature (the random host uuids are counted, not compared).
 */
final class StateFingerprint {

    private static final String[] ROWS = {
        "SELECT 'event', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, severity, type, state))) FROM event",
        "SELECT 'usage_event', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, account_id, created))) FROM usage_event",
        "SELECT 'host', COUNT(*), COUNT(DISTINCT uuid), SUM(CRC32(CONCAT_WS('|', id, COALESCE(mgmt_server_id, 0)))) FROM host",
        "SELECT 'host_capacity', COUNT(*), SUM(CRC32(CONCAT_WS('|', host_id, cpu_cores, ram_mb))) FROM host_capacity",
        "SELECT 'account', COUNT(*), SUM(CRC32(CONCAT_WS('|', id, domain_id))) FROM account",
        "SELECT 'domain', COUNT(*), MIN(name) FROM domain",
        "SELECT 'vm_instance', COUNT(*) FROM vm_instance",
    };

    private StateFingerprint() {}

    static List<String> of(Connection c, String database) throws SQLException {
        List<String> facts = new ArrayList<>(SchemaFacts.of(c, database).stream()
                .filter(fact -> !fact.contains("flyway_schema_history")).toList());
        c.setCatalog(database);
        try (Statement s = c.createStatement()) {
            for (String query : ROWS) {
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    StringBuilder line = new StringBuilder("rows");
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        line.append(' ').append(rs.getString(i));
                    }
                    facts.add(line.toString());
                }
            }
        }
        return facts;
    }
}
