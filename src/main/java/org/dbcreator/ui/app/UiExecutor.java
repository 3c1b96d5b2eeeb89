package org.dbcreator.ui.app;

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
}
