package org.dbcreator.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.db.Identifiers;

/** One node's row in the product's node registry (table and columns as the manifest names them). */
final class RegistryRow {

    private final NodeRegistry registry;
    private final String name;

    RegistryRow(NodeRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /** The heartbeat, in the server's clock, which also judges its age. */
    void beat(Connection c) throws SQLException {
        update(c, "UPDATE " + table() + " SET " + column(registry.heartbeatColumn()) + " = NOW(3) WHERE "
                + column(registry.nameColumn()) + " = ?", name);
    }

    /** A node that stopped cleanly: it no longer counts for the cleanup gate. */
    void markDown(Connection c) throws SQLException {
        update(c, "UPDATE " + table() + " SET " + column(registry.stateColumn()) + " = ?, "
                + column(registry.heartbeatColumn()) + " = NOW(3) WHERE " + column(registry.nameColumn()) + " = ?",
                NodeRegistryReader.DOWN, name);
    }

    private String table() {
        return Identifiers.quote(registry.table());
    }

    private static String column(String name) {
        return Identifiers.quote(name);
    }

    private static void update(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }
}
