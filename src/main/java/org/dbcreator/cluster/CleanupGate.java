package org.dbcreator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dbcreator.catalog.Version;

/**
 * Whether the cleanup may run: every live node reports the target release, and no node of an
 * older release may still be around — a stale one (crashed, heartbeat too old) blocks until the
 * operator excludes it by name, because it might come back. Pure: the same rows always give the
 * same verdicts, so a poller may call it as often as it reads the registry.
 */
public final class CleanupGate {

    private CleanupGate() {}

    public static GateReport evaluate(List<NodeRegistryReader.RegisteredNode> nodes, Version target, Set<String> excluded) {
        List<NodeStatus> judged = new ArrayList<>();
        for (NodeRegistryReader.RegisteredNode node : nodes) {
            judged.add(judge(node, target, excluded.contains(node.name())));
        }
        return new GateReport(target, judged);
    }

    static NodeStatus judge(NodeRegistryReader.RegisteredNode node, Version target, boolean excluded) {
        boolean runsTarget = isRelease(node.release(), target);
        String runs = "runs " + node.release();
        return switch (node.liveness()) {
            case DOWN -> status(node, NodeStatus.Verdict.IGNORED, runs + " and stopped cleanly");
            case LIVE -> {
                if (!NodeRegistryReader.UP.equalsIgnoreCase(node.state()) && !runsTarget) {
                    yield status(node, NodeStatus.Verdict.FAILED, runs + " and reports state '" + node.state()
                            + "' instead of " + NodeRegistryReader.UP + ": fix it or stop it, then restart it on " + target);
                }
                yield runsTarget ? status(node, NodeStatus.Verdict.READY, runs)
                        : status(node, NodeStatus.Verdict.WAITING, runs + ", not " + target + ": restart it on " + target);
            }
            case STALE -> {
                if (runsTarget) {
                    yield status(node, NodeStatus.Verdict.IGNORED, runs + " and its heartbeat stopped " + seconds(node)
                            + " ago; the cleanup cannot break it");
                }
                yield excluded ? status(node, NodeStatus.Verdict.IGNORED, runs + ", gone " + seconds(node) + ", excluded")
                        : status(node, NodeStatus.Verdict.BLOCKED, runs + " and its heartbeat stopped " + seconds(node)
                                + " ago: stop it for good, or exclude it by name if it is gone");
            }
        };
    }

    private static NodeStatus status(NodeRegistryReader.RegisteredNode node, NodeStatus.Verdict verdict, String reason) {
        return new NodeStatus(node.name(), node.release(), node.state(), node.heartbeatAge(), node.liveness(), verdict,
                reason);
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
