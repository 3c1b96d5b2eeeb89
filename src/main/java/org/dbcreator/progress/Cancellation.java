package org.dbcreator.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * The front end's "stop" for a long operation. The operation looks at it where stopping leaves the
 * database as an interruption would (between statements, between data-migration batches) and
 * waits through it, so that every wait loop wakes at once when it is cancelled. Cancelling is
 * idempotent and never blocks the caller (a UI thread, a signal handler).
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> hooks = new ArrayList<>();

    /** A handle nobody cancels, for callers that do not offer a stop. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Asks the operation to stop at its next safe point; registered hooks run on a thread of their own. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (hooks) {
            if (isCancelled()) {
                return;
            }
            cancelled.countDown();
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        if (!toRun.isEmpty()) {
            Thread t = new Thread(() -> toRun.forEach(Runnable::run), "dbcreator-cancel");
            t.setDaemon(true);
            t.start();
        }
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Throws CANCELLED once {@link #cancel()} was called; the caller's state must be as an interruption leaves it. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw cancelledFailure();
        }
    }

    /**
     * Waits {@code duration}; when cancelled meanwhile (or before), wakes at once and throws
     * CANCELLED. An interrupted thread counts as cancelled (its interrupt flag stays set).
     */
    public void pause(Duration duration) {
        throwIfCancelled();
        try {
            if (cancelled.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS)) {
                throw cancelledFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbCreatorException(ErrorCode.CANCELLED, "The operation was interrupted.", e);
        }
    }

    /** Blocks until cancelled: for a command that runs until the operator stops it (the demo server). */
    public void await() throws InterruptedException {
        cancelled.await();
    }

    /**
     * Runs {@code hook} when cancelled (at once if already), for a wait that only another
     * connection can end, such as a lock wait on the server. Close the registration when the wait
     * is over, so that a late cancel does not reach what runs next.
     */
    public Registration onCancel(Runnable hook) {
        synchronized (hooks) {
            if (!isCancelled()) {
                hooks.add(hook);
                return () -> {
                    synchronized (hooks) {
                        hooks.remove(hook);
                    }
                };
            }
        }
        hook.run();
        return () -> { };
    }

    /** A hook registered by {@link #onCancel}; closing it unregisters the hook. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static DbCreatorException cancelledFailure() {
        return new DbCreatorException(ErrorCode.CANCELLED, "The operation was cancelled and stopped at a point where"
                + " nothing is half-done.");
    }
}
