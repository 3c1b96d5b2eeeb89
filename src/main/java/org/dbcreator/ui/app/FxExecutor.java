package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The window's executor: engine calls on one background thread, in the order asked (the engine
 * facade is used by one thread at a time), and the one place that calls {@code Platform.runLater}.
 * Periodic reads (the node cards) run on a second thread, {@code dbcreator-poll}, so that they go on
 * while the engine thread runs a long operation.
 */
public final class FxExecutor implements UiExecutor, AutoCloseable {

    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "dbcreator-engine");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(UncaughtErrors.handler());
        return thread;
    });

    private final ScheduledExecutorService pollThread = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "dbcreator-poll");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(UncaughtErrors.handler());
        return thread;
    });

    @Override
    public <T> Repeating repeat(Duration period, Callable<T> work, Consumer<? super T> onUi, Consumer<Throwable> failed) {
        ScheduledFuture<?> future = pollThread.scheduleWithFixedDelay(() -> {
            try {
                T result = work.call();
                onUiThread(() -> onUi.accept(result));
            } catch (Exception | LinkageError e) {
                onUiThread(() -> failed.accept(e));
            }
        }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
        if (engineThread.isShutdown()) {
            return; // the window closed: a page's last read (e.g. after a run it stopped) has no one to show it to
        }
        engineThread.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | LinkageError e) {
                onUiThread(() -> failed.accept(e));
                return;
            }
            onUiThread(() -> succeeded.accept(result));
        });
    }

    @Override
    public void onUiThread(Runnable task) {
        onFxThread(task);
    }

    /** Runs {@code task} on the FX thread: now when called there, else as soon as it is free. */
    static void onFxThread(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    /** Runs {@code task} on the FX thread after what it is doing now, even when called there. */
    static void later(Runnable task) {
        Platform.runLater(task);
    }

    /** Runs {@code last} on the engine thread after every call asked before it, e.g. closing the service. */
    public void finish(Runnable last) {
        pollThread.shutdownNow();
        engineThread.execute(last);
        engineThread.shutdown();
    }

    /** Waits until the call given to {@link #finish} has run; false when {@code limit} passed first. */
    public boolean awaitFinished(java.time.Duration limit) throws InterruptedException {
        return engineThread.awaitTermination(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        pollThread.shutdownNow();
        engineThread.shutdownNow();
    }
}
