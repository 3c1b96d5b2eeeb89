package org.dbcreator.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.engine.DbCreator;
import org.dbcreator.engine.RunningDemo;

/**
 * The demo nodes {@code dbcreator demo --nodes N} runs beside its server. They stop (marked down,
 * reports printed) before the server does, also on Ctrl-C.
 */
final class DemoNodes {

    static final int MAX = 16;
    private static final double RATE = 20;

    private final List<DemoNode> nodes;
    private final PrintStream out;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private DemoNodes(List<DemoNode> nodes, PrintStream out) {
        this.nodes = nodes;
        this.out = out;
    }

    static DemoNodes start(RunningDemo demo, Catalog catalog, int count, PrintStream out, NextSteps steps) {
        List<DemoNode> nodes = new ArrayList<>();
        DemoNodes running = new DemoNodes(nodes, out);
        if (count == 0) {
            return running;
        }
        Version release = demo.status().highestRelease().orElse(catalog.baselineVersion());
        demo.beforeStop(running::stop);
        for (int i = 1; i <= count; i++) {
            DemoNode.Options options = new DemoNode.Options("demo-node-" + i, release, RATE, Duration.ofSeconds(1));
            nodes.add(DbCreator.startNode(catalog, demo.applicationSettings(), options, write -> {}));
        }
        out.println();
        out.println(count + " demo node" + (count == 1 ? "" : "s") + " of release " + release + " run: demo-node-1"
                + (count > 1 ? " to demo-node-" + count : "") + ". Watch them with:");
        out.println("  " + steps.command("nodes"));
        out.println("Upgrade while they run (in another terminal), then start nodes of the new release beside them:");
        out.println("  " + steps.command("upgrade", "--backup-to", "DIR"));
        out.println("  " + steps.command("demo-node", "--name", "new-node-1", "--release", catalog.latestVersion().toString()));
        return running;
    }

    /**
     * Stops every node once and prints their reports as a JSON array. Synchronized: on Ctrl-C the
     * JVM halts when the shutdown hook returns, so the hook must wait for a print under way.
     */
    synchronized void stop() {
        if (nodes.isEmpty() || !stopped.compareAndSet(false, true)) {
            return;
        }
        out.println(NodeReportRendering.json(nodes.stream().map(DemoNode::stop).toList()));
    }
}
