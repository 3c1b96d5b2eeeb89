package org.dbcreator.bench;

import java.util.List;
import org.dbcreator.cluster.NodeStats;

/** Demo nodes at work during a benchmark, in this JVM ({@link BenchNodes}) or in one of their own ({@link ForkedNodes}). */
interface NodeCluster {

    /** Each node's figures since the previous call; a new interval begins. */
    List<NodeStats> takeIntervals();

    /** The units of work acknowledged in {@code [from, to)}, times from {@link System#nanoTime()}. */
    List<TimedWorkload.Unit> units(long from, long to);

    /** Collections and milliseconds of garbage collection so far in the JVM the nodes run in. */
    long[] gcSoFar();

    /** Stops every node; says which had ended by themselves before. */
    List<String> stop();
}
