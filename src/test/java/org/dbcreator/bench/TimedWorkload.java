package org.dbcreator.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.dbcreator.catalog.Version;
import org.dbcreator.cluster.NodeWorkload;
import org.dbcreator.cluster.NodeWrite;
import org.dbcreator.history.NodeContract;

/**
 * A node's workload, unchanged, that also notes when each unit of work was acknowledged and how
 * late: the node's own figures ({@code NodeStats}) are percentiles per node and interval, and a
 * benchmark wants the latencies of all nodes merged and placed in time against the upgrade's steps.
 *
 * <p>A unit is due at {@code start + sequence * period} on the node's fixed schedule. The start is
 * not visible from here; it is estimated as the smallest {@code workCalled - sequence * period}
 * seen, which is late by the time a unit takes to borrow a connection and read the node contract
 * (well under a millisecond while nothing waits), so latencies come out that much shorter than the
 * node's own.
 */
final class TimedWorkload implements NodeWorkload {

    /**
     * A unit of work: when its transaction was acknowledged, how late from when it was due, and
     * whether it wrote (a read-only unit's commit has nothing to flush to the redo log).
     */
    record Unit(String node, long ackNanos, long latencyNanos, boolean wrote) {}

    /** A statement of the unit of work that failed (its retry, if any, is another call). */
    record Failure(String node, long atNanos, String message) {}

    private final NodeWorkload inner;
    private final String node;
    private final long periodNanos;
    private final List<long[]> acks = new ArrayList<>(); // {sequence, ackNanos, writes}
    private final List<Failure> failures = new ArrayList<>();
    private volatile long startEstimate = Long.MAX_VALUE;
    private long current;

    TimedWorkload(NodeWorkload inner, String node, double ratePerSecond) {
        this.inner = inner;
        this.node = node;
        this.periodNanos = (long) (1e9 / ratePerSecond); // as DemoNode schedules
    }

    @Override
    public void register(Connection c, String name, Version release, NodeContract contract) throws SQLException {
        inner.register(c, name, release, contract);
    }

    @Override
    public List<NodeWrite> work(Connection c, long sequence, NodeContract contract) throws SQLException {
        long called = System.nanoTime();
        startEstimate = Math.min(startEstimate, called - sequence * periodNanos);
        current = sequence;
        try {
            return inner.work(c, sequence, contract);
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                failures.add(new Failure(node, System.nanoTime(), e.getMessage()));
            }
            throw e;
        }
    }

    @Override
    public void acknowledged(List<NodeWrite> writes) {
        long now = System.nanoTime();
        synchronized (this) {
            acks.add(new long[] {current, now, writes.size()});
        }
        inner.acknowledged(writes);
    }

    /** The units acknowledged in {@code [from, to)}. */
    synchronized List<Unit> units(long from, long to) {
        List<Unit> units = new ArrayList<>();
        for (long[] ack : acks) {
            if (ack[1] >= from && ack[1] < to) {
                units.add(new Unit(node, ack[1], ack[1] - (startEstimate + ack[0] * periodNanos), ack[2] > 0));
            }
        }
        return units;
    }

    synchronized List<Failure> failures(long from, long to) {
        return failures.stream().filter(f -> f.atNanos() >= from && f.atNanos() < to).toList();
    }
}
