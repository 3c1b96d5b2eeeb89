package org.dbcreator.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.db.Identifiers;

/**
 * Reads the product's node registry (table and columns named by the manifest). Heartbeat ages are
 * computed by the server, whose clock wrote the heartbeats, so clock skew between the operator's
 * machine and the database does not matter.
 */
public final class NodeRegistryReader {

    /** The state value of a node that says it is running. */
    public static final String UP = "Up";
    /** The state value of a node that stopped cleanly; any state but these two is a node reporting trouble. */
    public static final String DOWN = "Down";

    private NodeRegistryReader() {}

    /**
     * Every registered node of the product in {@code database}, judged live, stale or down. One query
     * over the registry table (the heartbeat ages computed by the server), with the table named with
     * its database so that any connection will do without a round trip to change its default
     * database: cheap enough to poll every few seconds.
     */
    public static List<RegisteredNode> read(Connection c, String database, NodeRegistry registry) throws SQLException {
        String sql = "SELECT " + Identifiers.quote(registry.nameColumn()) + ", " + Identifiers.quote(registry.versionColumn())
                + ", " + Identifiers.quote(registry.stateColumn()) + ", TIMESTAMPDIFF(MICROSECOND, "
                + Identifiers.quote(registry.heartbeatColumn()) + ", NOW(3)) FROM " + Identifiers.quote(database) + "."
                + Identifiers.quote(registry.table())
                + " ORDER BY 1";
        List<RegisteredNode> nodes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Duration age = Duration.ofNanos(Math.max(0, rs.getLong(4)) * 1000);
                nodes.add(new RegisteredNode(rs.getString(1), rs.getString(2), rs.getString(3), age,
                        liveness(rs.getString(3), age, registry.staleAfter())));
            }
        }
        return nodes;
    }

    private static NodeStatus.Liveness liveness(String state, Duration age, Duration staleAfter) {
        if (DOWN.equalsIgnoreCase(state)) {
            return NodeStatus.Liveness.DOWN;
        }
        return age.compareTo(staleAfter) > 0 ? NodeStatus.Liveness.STALE : NodeStatus.Liveness.LIVE;
    }

    /** A registry row before it is judged against a target release. */
    public record RegisteredNode(String name, String release, String state, Duration heartbeatAge,
            NodeStatus.Liveness liveness) {}
}
