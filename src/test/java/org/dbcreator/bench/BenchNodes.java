package org.dbcreator.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dbcreator.catalog.Catalog;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.DemoNode;
import org.dbcreator.cluster.NodeStats;
import org.dbcreator.cluster.NodeWorkload;
import org.dbcreator.db.ConnectionSettings;
import org.dbcreator.db.Database;

/**
 * Demo nodes of one release, started the way {@code DbCreator.startNode} starts them (the catalog's
 * demo workload, a pool of its own per node), but with the workload wrapped in a
 * {@link TimedWorkload}. Keeps the rows each node's acknowledged inserts created, to look for later.
 */
final class BenchNodes implements NodeCluster {

    private final List<DemoNode> nodes = new ArrayList<>();
    private final List<TimedWorkload> workloads = new ArrayList<>();
    private final Map<String, List<Long>> inserted;

    private BenchNodes(Map<String, List<Long>> inserted) {
        this.inserted = inserted;
    }

    /** Starts {@code count} nodes named node-1 to node-N; a node of the same name re-registers (a restart). */
    static BenchNodes start(Catalog catalog, ConnectionSettings settings, Version release, int count, double rate,
            Map<String, List<Long>> inserted) throws ReflectiveOperationException, SQLException {
        NodeRegistry registry = catalog.manifest().nodes().orElseThrow();
        String workloadClass = registry.demoWorkload().orElseThrow();
        BenchNodes started = new BenchNodes(inserted);
        for (int i = 1; i <= count; i++) {
            String name = "node-" + i;
            NodeWorkload product = Class.forName(workloadClass).asSubclass(NodeWorkload.class)
                    .getDeclaredConstructor().newInstance();
            TimedWorkload timed = new TimedWorkload(product, name, rate);
            DemoNode.Options options = new DemoNode.Options(name, release, rate, Duration.ofSeconds(1));
            started.nodes.add(DemoNode.start(Database.connect(settings), registry, timed, options, write -> {
                if (write.insert()) {
                    synchronized (inserted) {
                        inserted.computeIfAbsent(write.table(), t -> new ArrayList<>()).add(write.id());
                    }
                }
            }));
            started.workloads.add(timed);
        }
        return started;
    }

    List<String> names() {
        return nodes.stream().map(n -> n.options().name()).toList();
    }

    @Override
    public List<NodeStats> takeIntervals() {
        return nodes.stream().map(DemoNode::takeInterval).toList();
    }

    @Override
    public List<TimedWorkload.Unit> units(long from, long to) {
        List<TimedWorkload.Unit> units = new ArrayList<>();
        workloads.forEach(w -> units.addAll(w.units(from, to)));
        return units;
    }

    List<TimedWorkload.Failure> failures(long from, long to) {
        List<TimedWorkload.Failure> failures = new ArrayList<>();
        workloads.forEach(w -> failures.addAll(w.failures(from, to)));
        return failures;
    }

    @Override
    public long[] gcSoFar() {
        return PhaseFigures.gcSoFar();
    }

    /** Stops every node (marked down); a node that ended by itself before says so. */
    @Override
    public List<String> stop() {
        List<String> endings = new ArrayList<>();
        for (DemoNode node : nodes) {
            DemoNode.Ending before = node.ending();
            node.stop();
            if (before != DemoNode.Ending.RUNNING) {
                endings.add(node.options().name() + " had ended: " + before + ", " + node.endReason());
            }
        }
        return endings;
    }
}
