package org.dbcreator.cluster;

import java.util.concurrent.TimeUnit;

/**
 * The fixed schedule a demo node's work keeps, and the way to stop it: a sleeping worker wakes at
 * once when the node stops, rather than at its next due time.
 */
final class WorkSchedule {

    private final Object monitor = new Object();
    private volatile boolean stopped;

    boolean isStopped() {
        return stopped;
    }

    void stop() {
        synchronized (monitor) {
            stopped = true;
            monitor.notifyAll();
        }
    }

    /** Sleeps until {@code due} ({@link System#nanoTime} based) or until stopped. */
    void sleepUntil(long due) {
        synchronized (monitor) {
            for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
        }
    }

    void sleepMillis(long millis) {
        sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
