package org.dbcreator.cluster;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one demo node, for its whole life and for the interval since {@link #takeInterval}
 * was last called (a benchmark takes one interval per phase of an upgrade).
 */
final class NodeMetrics {

    private static final int KEPT_MESSAGES = 10;

    private final Window total = new Window(System.nanoTime());
    private Window interval = new Window(System.nanoTime());
    private final Deque<String> lastErrors = new ArrayDeque<>();

    synchronized void succeeded(long latencyNanos, int writes) {
        total.succeeded(latencyNanos, writes);
        interval.succeeded(latencyNanos, writes);
    }

    synchronized void failed(String kind, String message) {
        total.failed(kind);
        interval.failed(kind);
        if (lastErrors.size() == KEPT_MESSAGES) {
            lastErrors.removeFirst();
        }
        lastErrors.addLast(message);
    }

    synchronized void failed(SQLException e, String during) {
        failed(e.getSQLState() + "/" + e.getErrorCode(), during + ": " + e.getMessage());
    }

    synchronized NodeStats total() {
        return total.stats(System.nanoTime(), lastErrors);
    }

    /** The stats since the previous call (or the start), and a new interval begins. */
    synchronized NodeStats takeInterval() {
        long now = System.nanoTime();
        NodeStats stats = interval.stats(now, lastErrors);
        interval = new Window(now);
        return stats;
    }

    private static final class Window {
        private final long startedNanos;
        private final LatencyHistogram latencies = new LatencyHistogram();
        private final Map<String, Long> errorsByKind = new TreeMap<>();
        private long writes;
        private long errors;

        Window(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        void succeeded(long latencyNanos, int acknowledged) {
            latencies.record(latencyNanos);
            writes += acknowledged;
        }

        void failed(String kind) {
            errors++;
            errorsByKind.merge(kind, 1L, Long::sum);
        }

        NodeStats stats(long now, Deque<String> messages) {
            return new NodeStats((now - startedNanos) / 1e9, latencies.count(), writes, errors,
                    new LinkedHashMap<>(errorsByKind), new ArrayList<>(messages),
                    millis(latencies.percentileNanos(0.50)), millis(latencies.percentileNanos(0.99)),
                    millis(latencies.maxNanos()));
        }

        private static double millis(long nanos) {
            return Math.round(nanos / 10_000.0) / 100.0;
        }
    }
}
