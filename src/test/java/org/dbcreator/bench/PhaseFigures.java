package org.dbcreator.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.dbcreator.cluster.NodeStats;

/**
 * What the nodes saw during one phase: their units of work, acknowledged writes and errors, and the
 * latencies of all nodes' units merged (from {@link TimedWorkload}; percentiles as the nodes compute
 * theirs: the value at rank ceil(p * n)). The per-node figures are the nodes' own.
 */
record PhaseFigures(String phase, double seconds, long units, long writes, long errors, double p50, double p99,
        double max, List<NodeStats> perNode, long gcPauses, long gcMillis, Split readOnly, Split writing) {

    /** The merged latencies of one kind of unit: read-only ones, or ones that wrote and so waited for the redo log. */
    record Split(long units, double p50, double p99) {
        static Split of(List<TimedWorkload.Unit> units) {
            long[] sorted = units.stream().mapToLong(TimedWorkload.Unit::latencyNanos).sorted().toArray();
            return new Split(sorted.length, percentileMillis(sorted, 0.5), percentileMillis(sorted, 0.99));
        }
    }

    /** The benchmark JVM's garbage collections so far, {count, milliseconds}: nodes and engine share its pauses. */
    static long[] gcSoFar() {
        long[] gc = new long[2];
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc[0] += Math.max(0, bean.getCollectionCount());
            gc[1] += Math.max(0, bean.getCollectionTime());
        }
        return gc;
    }

    static PhaseFigures of(String phase, long from, long to, List<TimedWorkload.Unit> units, List<NodeStats> perNode,
            long[] gcAtStart) {
        return of(phase, from, to, units, perNode, gcAtStart, gcSoFar());
    }

    /** @param gc the collections and their milliseconds so far in the JVM the nodes run in, at the end */
    static PhaseFigures of(String phase, long from, long to, List<TimedWorkload.Unit> units, List<NodeStats> perNode,
            long[] gcAtStart, long[] gc) {
        long[] latencies = units.stream().mapToLong(TimedWorkload.Unit::latencyNanos).sorted().toArray();
        return new PhaseFigures(phase, (to - from) / 1e9, perNode.stream().mapToLong(NodeStats::transactions).sum(),
                perNode.stream().mapToLong(NodeStats::acknowledgedWrites).sum(),
                perNode.stream().mapToLong(NodeStats::errors).sum(),
                percentileMillis(latencies, 0.50), percentileMillis(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, perNode, gc[0] - gcAtStart[0],
                gc[1] - gcAtStart[1], Split.of(units.stream().filter(u -> !u.wrote()).toList()),
                Split.of(units.stream().filter(TimedWorkload.Unit::wrote).toList()));
    }

    static double percentileMillis(long[] sortedNanos, double fraction) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    /** The largest of the nodes' own maxima: the merged maximum must agree with it. */
    double nodesMax() {
        return perNode.stream().mapToDouble(NodeStats::maxMillis).max().orElse(0);
    }

    /** The median of the nodes' own p99s. */
    double nodesMedianP99() {
        return median(perNode.stream().mapToDouble(NodeStats::p99Millis).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
