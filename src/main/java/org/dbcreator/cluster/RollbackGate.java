package org.dbcreator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;

/**
 * The cleanup gate reversed: whether a rollback to {@code returnTo} may run. It drops what only
 * releases newer than {@code returnTo} use, so no node of such a release may be live; a stale one
 * blocks until the operator excludes it by name (it might come back), as for the cleanup. Nodes of
 * {@code returnTo} or older keep working throughout. Pure, like {@link CleanupGate}.
 */
public final class RollbackGate {

    private RollbackGate() {}

    /** The report's target is the release returned to. */
    public static GateReport evaluate(List<NodeRegistryReader.RegisteredNode> nodes, Version returnTo,
            Set<String> excluded) {
        List<NodeStatus> judged = new ArrayList<>();
        for (NodeRegistryReader.RegisteredNode node : nodes) {
            judged.add(judge(node, returnTo, excluded.contains(node.name())));
        }
        return new GateReport(returnTo, judged);
    }

    static NodeStatus judge(NodeRegistryReader.RegisteredNode node, Version returnTo, boolean excluded) {
        Optional<Version> release = release(node.release());
        boolean newer = release.map(r -> r.isNewerThan(returnTo)).orElse(true); // an unreadable release is not trusted
        String runs = "runs " + node.release();
        if (node.liveness() == NodeStatus.Liveness.DOWN) {
            return status(node, NodeStatus.Verdict.IGNORED, runs + " and stopped cleanly");
        }
        if (!newer) {
            return node.liveness() == NodeStatus.Liveness.LIVE ? status(node, NodeStatus.Verdict.READY, runs)
                    : status(node, NodeStatus.Verdict.IGNORED, runs + " and its heartbeat stopped "
                            + node.heartbeatAge().toSeconds() + " s ago; the rollback cannot break it");
        }
        if (node.liveness() == NodeStatus.Liveness.LIVE) {
            return status(node, NodeStatus.Verdict.WAITING, runs + ", newer than " + returnTo + ": restart it on "
                    + returnTo + " (or stop it) first");
        }
        return excluded ? status(node, NodeStatus.Verdict.IGNORED, runs + ", gone " + node.heartbeatAge().toSeconds()
                + " s, excluded")
                : status(node, NodeStatus.Verdict.BLOCKED, runs + " and its heartbeat stopped "
                        + node.heartbeatAge().toSeconds() + " s ago: stop it for good, or exclude it by name if it is gone");
    }

    private static NodeStatus status(NodeRegistryReader.RegisteredNode node, NodeStatus.Verdict verdict, String reason) {
        return new NodeStatus(node.name(), node.release(), node.state(), node.heartbeatAge(), node.liveness(), verdict,
                reason);
    }

    private static Optional<Version> release(String reported) {
        try {
            return Optional.of(Version.parse(reported));
        } catch (IllegalArgumentException notAVersion) {
            return Optional.empty();
        }
    }
}
