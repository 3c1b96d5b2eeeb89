package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets a redraw happen at most once per period: a call that comes too soon is not lost but runs
 * once, later, when the period is over (however many came meanwhile). Callable from any thread.
 */
final class Pacer {

    private final LongSupplier nanoClock;
    private final long periodNanos;
    private long last;
    private boolean ranOnce;
    private boolean laterAsked;

    Pacer(LongSupplier nanoClock, Duration period) {
        this.nanoClock = nanoClock;
        this.periodNanos = period.toNanos();
    }

    /**
     * Whether the caller may run now, which then counts as a run; if not, {@code later} is
     * scheduled to run when the period is over, unless it already is.
     */
    synchronized boolean now(Runnable later) {
        long wait = periodNanos - (nanoClock.getAsLong() - last);
        if (!ranOnce || wait <= 0) {
            ran();
            return true;
        }
        if (!laterAsked) {
            laterAsked = true;
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> {
                synchronized (this) {
                    laterAsked = false;
                }
                later.run();
            });
        }
        return false;
    }

    /** Counts a run the caller made without asking (one that may not wait). */
    synchronized void ran() {
        ranOnce = true;
        last = nanoClock.getAsLong();
    }
}
