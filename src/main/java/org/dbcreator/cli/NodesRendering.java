package org.dbcreator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.cluster.NodeStatus;

/**
 * The node registry as {@code dbcreator nodes} prints it, and as {@code status --json} carries it.
 * Every value but the numbers is what a node wrote into the registry: escaped for the terminal.
 */
final class NodesRendering {

    private NodesRendering() {}

    static String text(GateReport gate) {
        StringBuilder out = new StringBuilder(String.format("%-24s %-10s %-6s %10s  %-6s %s%n", "NODE", "RELEASE", "STATE",
                "HEARTBEAT", "", "CLEANUP TO " + gate.target()));
        for (NodeStatus node : gate.nodes()) {
            out.append(String.format("%-24s %-10s %-6s %9.1fs  %-6s %s%n", Printable.line(node.name()),
                    Printable.line(node.release()), Printable.line(node.state()), node.heartbeatAge().toMillis() / 1000.0,
                    node.liveness().name().toLowerCase(),
                    node.verdict().name().toLowerCase() + ": " + Printable.line(node.reason())));
        }
        out.append(gate.isOpen() ? "The cleanup gate is open.\n" : "The cleanup gate is shut by " + gate.blockers().size()
                + " node" + (gate.blockers().size() == 1 ? "" : "s") + (gate.verdict() == GateReport.Verdict.WAITING
                        ? ". It opens as they restart on the target.\n" : ". A node needs you: see its reason.\n"));
        return out.toString();
    }

    /** JSON escapes by itself: the values are given as the registry holds them. */
    static Map<String, Object> json(GateReport gate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", gate.target().toString());
        m.put("gateOpen", gate.isOpen());
        m.put("gate", gate.verdict().name());
        m.put("nodes", gate.nodes().stream().map(node -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", node.name());
            n.put("release", node.release());
            n.put("state", node.state());
            n.put("heartbeatAgeSeconds", node.heartbeatAge().toMillis() / 1000.0);
            n.put("liveness", node.liveness().name());
            n.put("verdict", node.verdict().name());
            n.put("reason", node.reason());
            n.put("blocksCleanup", node.blocksCleanup());
            n.put("blocker", node.blocker().orElse(null));
            return n;
        }).toList());
        return m;
    }
}
