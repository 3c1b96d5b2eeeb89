package org.dbcreator.cluster;

import java.util.List;
import org.dbcreator.catalog.Version;

/** The nodes and whether they let the cleanup to {@code target} run. */
public record GateReport(Version target, List<NodeStatus> nodes) {

    /**
     * The gate as a whole: {@link #OPEN}; {@link #WAITING} when only restarts that are under way
     * keep it shut (polling will see it open); {@link #BLOCKED} when a node needs a person.
     */
    public enum Verdict {
        OPEN,
        WAITING,
        BLOCKED
    }

    public GateReport {
        nodes = List.copyOf(nodes);
    }

    public boolean isOpen() {
        return nodes.stream().noneMatch(NodeStatus::blocksCleanup);
    }

    public Verdict verdict() {
        if (isOpen()) {
            return Verdict.OPEN;
        }
        return nodes.stream().allMatch(n -> !n.blocksCleanup() || n.verdict() == NodeStatus.Verdict.WAITING)
                ? Verdict.WAITING : Verdict.BLOCKED;
    }

    public List<NodeStatus> blockers() {
        return nodes.stream().filter(NodeStatus::blocksCleanup).toList();
    }

    public long live() {
        return nodes.stream().filter(n -> n.liveness() == NodeStatus.Liveness.LIVE).count();
    }
}
