package org.dbcreator.cluster;

import java.util.List;
import org.dbcreator.catalog.Version;

/** The nodes and whether they let the cleanup to {@code target} run. */
public record GateReport(Version target, List<NodeStatus> nodes) {

    public GateReport {
        nodes = List.copyOf(nodes);
    }

    public boolean isOpen() {
        return nodes.stream().noneMatch(NodeStatus::blocksCleanup);
    }

    public List<NodeStatus> blockers() {
        return nodes.stream().filter(NodeStatus::blocksCleanup).toList();
    }

    public long live() {
        return nodes.stream().filter(n -> n.liveness() == NodeStatus.Liveness.LIVE).count();
    }
}
