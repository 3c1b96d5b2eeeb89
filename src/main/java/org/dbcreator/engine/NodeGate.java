package org.dbcreator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.CleanupGate;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeRegistryReader;
import org.dbcreator.cluster.NodeStatus;
import org.dbcreator.cluster.RollbackGate;
import org.dbcreator.db.Database;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/** Reads the product's node registry and turns it into the cleanup's "Nodes" check. */
final class NodeGate {

    private final Database database;
    private final Catalog catalog;

    NodeGate(Database database, Catalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    /** The gate for a cleanup to {@code target}; empty when the product has no node registry. */
    Optional<GateReport> read(Version target, Set<String> excluded) throws SQLException {
        Optional<NodeRegistry> registry = catalog.manifest().nodes();
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = database.serverConnection()) {
            List<NodeRegistryReader.RegisteredNode> nodes = NodeRegistryReader.read(c, database.databaseName(), registry.get());
            requireExcludable(nodes, excluded);
            return Optional.of(CleanupGate.evaluate(nodes, target, excluded));
        }
    }

    /** The gate for a rollback to {@code returnTo}; empty when the product has no node registry. */
    Optional<GateReport> readForRollback(Version returnTo, Set<String> excluded) throws SQLException {
        Optional<NodeRegistry> registry = catalog.manifest().nodes();
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = database.serverConnection()) {
            List<NodeRegistryReader.RegisteredNode> nodes = NodeRegistryReader.read(c, database.databaseName(), registry.get());
            requireExcludable(nodes, excluded);
            return Optional.of(RollbackGate.evaluate(nodes, returnTo, excluded));
        }
    }

    /** Pure: the rollback's "Nodes" check from its gate: nodes newer than the release returned to must go first. */
    static PreflightCheck rollbackCheck(GateReport gate) {
        if (gate.isOpen()) {
            return PreflightCheck.green(PreflightCheck.Id.NODES, gate.live() + " live node" + (gate.live() == 1 ? "" : "s")
                    + "; none runs a release newer than " + gate.target() + ".");
        }
        String blockers = gate.blockers().stream().map(n -> n.name() + " " + n.reason())
                .collect(Collectors.joining("; "));
        List<String> names = gate.blockers().stream().map(NodeStatus::name).toList();
        List<String> gone = gate.blockers().stream().filter(n -> n.liveness() != NodeStatus.Liveness.LIVE)
                .map(NodeStatus::name).toList();
        List<NextAction> fix = new ArrayList<>(List.of(new NextAction.RestartNodes(gate.target(), names)));
        if (!gone.isEmpty()) {
            fix.add(new NextAction.RollbackExcluding(gate.target(), gone));
        }
        return PreflightCheck.red(PreflightCheck.Id.NODES, "Restart on " + gate.target() + " first: " + blockers + ".",
                ErrorCode.ROLLBACK_NODES_NOT_READY, fix.toArray(NextAction[]::new));
    }

    /** Only a node that is gone (stale or down) may be excluded, and only one that exists. */
    private static void requireExcludable(List<NodeRegistryReader.RegisteredNode> nodes, Set<String> excluded) {
        for (String name : excluded) {
            Optional<NodeRegistryReader.RegisteredNode> node = nodes.stream().filter(n -> n.name().equals(name)).findFirst();
            if (node.isEmpty()) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "There is no node named '" + name
                        + "' in the registry: " + (nodes.isEmpty() ? "it is empty." : "it holds " + nodes.stream()
                                .map(NodeRegistryReader.RegisteredNode::name).collect(Collectors.joining(", ")) + "."));
            }
            if (node.get().liveness() == NodeStatus.Liveness.LIVE) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "Node '" + name + "' is live (heartbeat "
                        + node.get().heartbeatAge().toMillis() + " ms ago): stop it instead of excluding it.");
            }
        }
    }

    /** Pure: the cleanup's "Nodes" check from the gate. */
    static PreflightCheck check(GateReport gate) {
        if (gate.isOpen()) {
            return PreflightCheck.green(PreflightCheck.Id.NODES, gate.live() + " live node" + (gate.live() == 1 ? "" : "s")
                    + (gate.live() == 0 ? "" : ", all on " + gate.target()) + "; no older node is around.");
        }
        String blockers = gate.blockers().stream().map(n -> n.name() + " " + n.reason())
                .collect(Collectors.joining("; "));
        List<String> names = gate.blockers().stream().map(NodeStatus::name).toList();
        List<String> gone = gate.blockers().stream().filter(n -> n.liveness() != NodeStatus.Liveness.LIVE)
                .map(NodeStatus::name).toList();
        List<NextAction> fix = new ArrayList<>(List.of(new NextAction.RestartNodes(gate.target(), names),
                new NextAction.WaitForNodes(gate.target(), names)));
        if (!gone.isEmpty()) {
            fix.add(new NextAction.ExcludeNodes(gone));
        }
        return PreflightCheck.red(PreflightCheck.Id.NODES, blockers + ".", ErrorCode.NODES_NOT_READY,
                fix.toArray(NextAction[]::new));
    }
}
