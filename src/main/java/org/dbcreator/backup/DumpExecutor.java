package org.dbcreator.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.dbcreator.db.Database;

/**
 * Runs a dump's statements in order on one connection; with workers, the INSERT statements of a
 * DatabaseCreator dump run on several connections at once. Every statement runs exactly as the
 * dump says, and each worker first repeats the session statements (SET ...) run so far, so all
 * connections share the dump's session. Any other statement waits until every INSERT before it
 * is done, so the order the dump relies on (tables, then rows, then triggers) holds.
 *
 * <p>Stock dumps run on one connection: they lock tables around their rows.
 */
final class DumpExecutor implements AutoCloseable {

    /** The statement the server refused, with its error. */
    record Refusal(DumpStatement statement, SQLException error) {}

    private static final int ATTEMPTS_PER_INSERT = 5;
    private static final DumpStatement STOP = new DumpStatement("", 0);

    private final Database target;
    private final int workerCount;
    private final Consumer<DumpStatement> executed;
    private final Connection main;
    private final Statement mainStatement;
    private final List<String> sessionStatements = new ArrayList<>();
    private final List<Connection> workerConnections = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final BlockingQueue<DumpStatement> queue;
    private final Object idle = new Object();
    private int inFlight;
    private volatile Refusal refusal;

    /**
     * @param workerCount 0 runs everything on one connection
     * @param executed told of each statement that ran, on the thread that ran it
     */
    DumpExecutor(Database target, int workerCount, Consumer<DumpStatement> executed) throws SQLException {
        this.target = target;
        this.workerCount = workerCount;
        this.executed = executed;
        this.main = RestoreSessions.open(target);
        this.mainStatement = RestoreSessions.statementOf(main);
        this.queue = new ArrayBlockingQueue<>(Math.max(1, 2 * workerCount));
    }

    /** Runs or queues one statement; returns the first refusal so far, if any. */
    Refusal execute(DumpStatement s) throws SQLException, InterruptedException {
        if (refusal != null) {
            return refusal;
        }
        if (workerCount > 0 && s.startsWithIgnoreCase("INSERT INTO ")) {
            startWorkers();
            synchronized (idle) {
                inFlight++;
            }
            queue.put(s);
            return null;
        }
        awaitIdle();
        if (refusal != null) {
            return refusal;
        }
        try {
            RestoreSessions.run(mainStatement, s.sql());
        } catch (SQLException e) {
            return refusal = new Refusal(s, e);
        }
        executed.accept(s);
        if (s.startsWithIgnoreCase("SET ")) {
            sessionStatements.add(s.sql());
            for (Connection c : workerConnections) {
                try (Statement w = RestoreSessions.statementOf(c)) {
                    RestoreSessions.run(w, s.sql()); // workers are idle here: the wait above saw to it
                }
            }
        }
        return null;
    }

    /** Waits for every queued statement; returns the first refusal, if any. */
    Refusal finish() throws InterruptedException {
        awaitIdle();
        return refusal;
    }

    private void startWorkers() throws SQLException {
        while (workers.size() < workerCount) {
            Connection c = RestoreSessions.open(target);
            workerConnections.add(c);
            try (Statement s = RestoreSessions.statementOf(c)) {
                for (String sql : sessionStatements) {
                    RestoreSessions.run(s, sql);
                }
            }
            Thread t = new Thread(() -> work(c), "dbcreator-restore-" + (workers.size() + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private void work(Connection c) {
        try (Statement s = RestoreSessions.statementOf(c)) {
            for (DumpStatement next = queue.take(); next != STOP; next = queue.take()) {
                try {
                    if (refusal == null) {
                        runAllowingLockConflicts(c, s, next);
                        executed.accept(next);
                    }
                } catch (SQLException e) {
                    refuse(next, e);
                } catch (RuntimeException e) {
                    refuse(next, new SQLException(e.toString(), e));
                } finally {
                    synchronized (idle) {
                        inFlight = Math.max(0, inFlight - 1);
                        idle.notifyAll();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            refuse(STOP, e); // cannot happen once the connection is open; the restore fails rather than hangs
            synchronized (idle) {
                inFlight = 0;
                idle.notifyAll();
            }
        }
    }

    /** Runs an INSERT again when another worker's INSERT won a lock conflict; see {@link RestoreSessions#mayRunAgain}. */
    private void runAllowingLockConflicts(Connection c, Statement s, DumpStatement next) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                RestoreSessions.run(s, next.sql());
                return;
            } catch (SQLException e) {
                if (attempt == ATTEMPTS_PER_INSERT || refusal != null || !RestoreSessions.mayRunAgain(c, e)) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt); // the winner usually needs only milliseconds more
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e; // stopped while waiting: the refusal stands
                }
            }
        }
    }

    private void refuse(DumpStatement statement, SQLException e) {
        synchronized (idle) {
            if (refusal == null) {
                refusal = new Refusal(statement, e);
            }
        }
    }

    private void awaitIdle() throws InterruptedException {
        synchronized (idle) {
            while (inFlight > 0 && refusal == null) {
                idle.wait();
            }
            while (inFlight > 0) {
                idle.wait(); // after a refusal, let the statements already sent finish
            }
        }
    }

    @Override
    public void close() {
        queue.clear();
        for (int i = 0; i < workers.size(); i++) {
            queue.offer(STOP);
        }
        for (Thread t : workers) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection c : workerConnections) {
            closeQuietly(c);
        }
        closeQuietly(main);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the restore is over either way
        }
    }
}
