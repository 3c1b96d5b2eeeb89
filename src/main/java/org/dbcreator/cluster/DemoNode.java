package org.dbcreator.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.dbcreator.catalog.NodeRegistry;
import org.dbcreator.catalog.Version;
import org.dbcreator.db.Database;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.dbcreator.history.NodeContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for one management-server node of the product: it registers, heartbeats, and runs
 * its release's workload at a steady rate until stopped, counting what it sees. Every unit of work
 * first reads the node contract with a shared lock, so the node honours the compatible range the
 * way a real node must: a node whose release leaves the range stops itself ({@link Ending#SHUT_OUT}).
 * Stopping marks the node down; a killed process leaves its heartbeat to go stale.
 */
public final class DemoNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoNode.class);
    private static final int ATTEMPTS = 5;

    /** How a node's run ended. */
    public enum Ending { RUNNING, STOPPED, SHUT_OUT, KILLED }

    /**
     * @param ratePerSecond units of work per second, started on a fixed schedule
     */
    public record Options(String name, Version release, double ratePerSecond, Duration heartbeatInterval) {
        public Options {
            if (name == null || name.isBlank() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT,
                        "A node name must be 1 to 255 printable characters, not '" + name + "'.");
            }
            if (!(ratePerSecond > 0 && ratePerSecond <= 10_000)) {
                throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT,
                        "A node's rate must be more than 0 and at most 10000 units of work per second, not "
                                + plain(ratePerSecond) + ".");
            }
        }
    }

    /** 0 rather than 0.0: the number as the operator typed it. */
    private static String plain(double value) {
        return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.valueOf(value);
    }

    private final Database database;
    private final NodeWorkload workload;
    private final Options options;
    private final Consumer<NodeWrite> acknowledged;
    private final NodeMetrics metrics = new NodeMetrics();
    private final ScheduledExecutorService heartbeat;
    private final Thread worker;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final WorkSchedule schedule = new WorkSchedule();
    private final RegistryRow row;
    private volatile Ending ending = Ending.RUNNING;
    private volatile String endReason = "";

    private DemoNode(Database database, NodeRegistry registry, NodeWorkload workload, Options options,
            Consumer<NodeWrite> acknowledged) {
        this.database = database;
        this.workload = workload;
        this.options = options;
        this.acknowledged = acknowledged;
        this.row = new RegistryRow(registry, options.name());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, options.name() + "-heartbeat"));
        this.worker = daemon(this::workSteadily, options.name() + "-work");
    }

    /**
     * Registers the node and starts its heartbeat and workload. The node owns {@code database} and
     * closes it when it ends. Throws NODE_NOT_ALLOWED, changing nothing, when the release is outside
     * the compatible range.
     */
    public static DemoNode start(Database database, NodeRegistry registry, NodeWorkload workload, Options options,
            Consumer<NodeWrite> acknowledged) throws SQLException {
        DemoNode node = new DemoNode(database, registry, workload, options, acknowledged);
        try {
            node.register();
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        long period = options.heartbeatInterval().toNanos();
        node.heartbeat.scheduleAtFixedRate(node::beat, period, period, TimeUnit.NANOSECONDS);
        node.worker.start();
        return node;
    }

    public Options options() {
        return options;
    }

    public Ending ending() {
        return ending;
    }

    /** Why the node ended, when it ended by itself. */
    public String endReason() {
        return endReason;
    }

    public NodeStats stats() {
        return metrics.total();
    }

    /** The stats since the previous call (or the start); a benchmark takes one per phase. */
    public NodeStats takeInterval() {
        return metrics.takeInterval();
    }

    /** Waits for the node to end by itself (shut out); true when it did within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the work, marks the node down and reports; a second call only reports again. */
    public synchronized NodeReport stop() {
        if (ending == Ending.RUNNING) {
            endWork(Ending.STOPPED, "stopped");
        }
        return report();
    }

    /**
     * Ends the node as a crash would: the work and the heartbeat stop, its connections close, and
     * its registry row is left as it was, so that its heartbeat goes stale. A second call, or one
     * after {@link #stop()}, only reports.
     */
    public synchronized NodeReport kill() {
        if (ending == Ending.RUNNING) {
            schedule.stop();
            joinWorker();
            if (ending == Ending.RUNNING) {
                heartbeat.shutdownNow();
                awaitHeartbeatEnd(); // a beat under way must not land after the kill
                ending = Ending.KILLED;
                endReason = "killed";
                database.close();
                ended.countDown();
                LOG.info("Node {} killed: its heartbeat will go stale", options.name());
            }
        }
        return report();
    }

    public NodeReport report() {
        return new NodeReport(options.name(), options.release().toString(), ending, endReason, stats());
    }

    @Override
    public void close() {
        stop();
    }

    private void register() throws SQLException {
        try (Connection c = database.productConnection()) {
            c.setAutoCommit(false);
            try {
                NodeContract contract = NodeContract.readLocked(c).orElseThrow(() -> notAllowed(
                        "'" + database.databaseName() + "' is not deployed by DatabaseCreator"));
                if (!contract.allows(options.release())) {
                    throw notAllowed("only releases " + contract.describe() + " may run now");
                }
                workload.register(c, options.name(), options.release(), contract);
                c.commit();
            } finally {
                c.rollback();
            }
        }
        LOG.info("Node {} registered at release {}", options.name(), options.release());
    }

    private DbCreatorException notAllowed(String why) {
        return new DbCreatorException(ErrorCode.NODE_NOT_ALLOWED,
                "Node " + options.name() + " of release " + options.release() + " may not start: " + why + ".");
    }

    private void workSteadily() {
        long period = (long) (1e9 / options.ratePerSecond());
        long due = System.nanoTime();
        for (long sequence = 0; !schedule.isStopped(); sequence++) {
            schedule.sleepUntil(due);
            if (schedule.isStopped()) {
                break;
            }
            runUnit(sequence, due);
            due += period;
        }
    }

    /** One unit of work with its retries; its latency counts from when it was due. */
    private void runUnit(long sequence, long due) {
        for (int attempt = 1; attempt <= ATTEMPTS && !schedule.isStopped(); attempt++) {
            try (Connection c = database.productConnection()) {
                runTransaction(c, sequence).ifPresent(writes -> metrics.succeeded(System.nanoTime() - due, writes));
                return;
            } catch (SQLException e) {
                metrics.failed(e, "work");
                if (!isTransient(e)) {
                    return;
                }
                schedule.sleepMillis(50L * attempt);
            } catch (NodeWorkload.WrongResultException e) {
                metrics.failed("wrong-result", e.getMessage());
                return;
            }
        }
    }

    /** The writes acknowledged; empty when the contract shut this node's release out and the node ended. */
    private OptionalInt runTransaction(Connection c, long sequence) throws SQLException {
        c.setAutoCommit(false);
        try {
            Optional<NodeContract> contract = NodeContract.readLocked(c);
            if (contract.isEmpty() || !contract.get().allows(options.release())) {
                c.rollback();
                shutOut(contract.map(NodeContract::describe).orElse("none"));
                return OptionalInt.empty();
            }
            List<NodeWrite> writes = workload.work(c, sequence, contract.get());
            c.commit();
            workload.acknowledged(writes);
            writes.forEach(acknowledged);
            return OptionalInt.of(writes.size());
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    private void shutOut(String range) {
        LOG.warn("Node {} of release {} stops: the compatible range is now {}", options.name(), options.release(), range);
        schedule.stop();
        // The worker thread itself ends the node, so it must not wait for itself.
        finish(Ending.SHUT_OUT, "the compatible range is now " + range);
    }

    private void endWork(Ending how, String reason) {
        schedule.stop();
        joinWorker();
        if (ending == Ending.RUNNING) { // not shut out meanwhile
            finish(how, reason);
        }
    }

    private void finish(Ending how, String reason) {
        heartbeat.shutdownNow();
        markDown();
        ending = how;
        endReason = reason;
        database.close();
        ended.countDown();
    }

    private void beat() {
        try (Connection c = database.productConnection()) {
            row.beat(c);
        } catch (SQLException e) {
            metrics.failed(e, "heartbeat");
        }
    }

    private void markDown() {
        try (Connection c = database.productConnection()) {
            row.markDown(c);
        } catch (SQLException e) {
            metrics.failed(e, "mark down");
        }
    }

    /** Deadlocks, lock wait timeouts and lost connections are worth another try; the rest is not. */
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("40") || state.startsWith("08") || e.getErrorCode() == 1205 || e.getErrorCode() == 1213;
    }

    private void awaitHeartbeatEnd() {
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinWorker() {
        if (Thread.currentThread() == worker) {
            return;
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: the server rolls the transaction back itself
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
