package org.dbcreator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;

/**
 * Whether the cleanup may run: every live node reports the target release, and no node of an
 * older release may still be around — a stale one (crashed, heartbeat too old) blocks until the
 * operator excludes it by name, because it might come back.
 */
public final class CleanupGate {

    private CleanupGate() {}

    public static GateReport evaluate(List<NodeRegistryReader.RegisteredNode> nodes, Version target, Set<String> excluded) {
        List<NodeStatus> judged = new ArrayList<>();
        for (NodeRegistryReader.RegisteredNode node : nodes) {
            judged.add(new NodeStatus(node.name(), node.release(), node.state(), node.heartbeatAge(), node.liveness(),
                    blocker(node, target, excluded)));
        }
        return new GateReport(target, judged);
    }

    private static Optional<String> blocker(NodeRegistryReader.RegisteredNode node, Version target, Set<String> excluded) {
        boolean runsTarget = isRelease(node.release(), target);
        return switch (node.liveness()) {
            case DOWN -> Optional.empty();
            case LIVE -> runsTarget ? Optional.empty()
                    : Optional.of("runs " + node.release() + ", not " + target + ": restart it on " + target);
            case STALE -> runsTarget || excluded.contains(node.name()) ? Optional.empty()
                    : Optional.of("runs " + node.release() + " and its heartbeat stopped " + seconds(node) + " ago: "
                            + "stop it for good, or exclude it by name if it is gone");
        };
    }

    private static boolean isRelease(String reported, Version target) {
        try {
            return Version.parse(reported).equals(target);
        } catch (IllegalArgumentException notAVersion) {
            return false;
        }
    }

    private static String seconds(NodeRegistryReader.RegisteredNode node) {
        return node.heartbeatAge().toSeconds() + " s";
    }
}
