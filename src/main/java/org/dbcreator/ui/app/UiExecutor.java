package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the wizard's engine calls run and where their outcomes land. The window's version runs
 * work on one background thread and hands outcomes to the FX thread; tests use one that runs
 * everything on the calling thread, so a ViewModel test is deterministic.
 */
public interface UiExecutor {

    /** Runs {@code work} off the UI thread; exactly one of the two callbacks then runs on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed);

    /** Runs {@code task} on the UI thread, from any thread. */
    void onUiThread(Runnable task);

    /**
     * Runs the read {@code work} now and then every {@code period} until stopped, neither on the UI
     * thread nor on the engine thread (a poll must not wait behind a long operation, nor hold it up):
     * {@code work} must use a connection of its own. Each outcome lands on the UI thread; a failed
     * read does not stop the polling. (A default that refuses, for executors made for one test.)
     */
    default <T> Repeating repeat(Duration period, Callable<T> work, Consumer<? super T> onUi,
            Consumer<Throwable> failed) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run periodic reads");
    }

    /** A periodic read under way. */
    interface Repeating {
        /** No read starts after this; an outcome already on its way may still land. */
        void stop();
    }
}
