package org.dbcreator.ui.app;

import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing fails only into a log: an exception no page caught is logged and shown in the error
 * banner with its details, on the UI thread.
 */
public final class UncaughtErrors {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);
    private static volatile Consumer<ErrorReport> shown = report -> {};
    private static volatile UiExecutor uiThread;

    private UncaughtErrors() {}

    /** Sends every uncaught exception from now on to {@code banner}, on {@code executor}'s UI thread. */
    public static void install(UiExecutor executor, Consumer<ErrorReport> banner) {
        uiThread = executor;
        shown = banner;
        Thread.setDefaultUncaughtExceptionHandler(handler());
        Thread.currentThread().setUncaughtExceptionHandler(handler());
    }

    public static Thread.UncaughtExceptionHandler handler() {
        return (thread, failure) -> {
            LOG.error("Uncaught exception on thread {}", thread.getName(), failure);
            UiExecutor executor = uiThread;
            if (executor != null) {
                ErrorReport report = ErrorReport.of(failure, Optional.empty());
                executor.onUiThread(() -> shown.accept(report));
            }
        };
    }
}
