package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.progress.ProgressListener;

/**
 * Hands an operation's progress events to the UI thread in batches, at most one hand-over per
 * period: a data migration can send thousands of events a second, and one {@code runLater} each
 * would starve the window's pulse. No event is dropped (the live log shows every line); the page
 * draws the latest state of each batch. Call {@link #flush()} when the operation ends, so the last
 * events arrive before its outcome. An event held back is handed over one period later at the
 * latest, even when no other follows (a long statement's start must show while it runs).
 */
public final class ProgressCoalescer implements ProgressListener {

    /** How often the window redraws a running operation: four times a second reads as live. */
    public static final Duration PERIOD = Duration.ofMillis(250);

    private final UiExecutor executor;
    private final Consumer<List<ProgressEvent>> onUiThread;
    private final Pacer pacer;
    private List<ProgressEvent> pending = new ArrayList<>();

    public ProgressCoalescer(UiExecutor executor, Consumer<List<ProgressEvent>> onUiThread) {
        this(executor, onUiThread, System::nanoTime, PERIOD);
    }

    ProgressCoalescer(UiExecutor executor, Consumer<List<ProgressEvent>> onUiThread, LongSupplier nanoClock,
            Duration period) {
        this.executor = executor;
        this.onUiThread = onUiThread;
        this.pacer = new Pacer(nanoClock, period);
    }

    @Override
    public void onEvent(ProgressEvent event) {
        List<ProgressEvent> batch;
        synchronized (this) {
            pending.add(event);
            if (!pacer.now(this::flush)) {
                return;
            }
            batch = take();
        }
        executor.onUiThread(() -> onUiThread.accept(batch));
    }

    /** Hands over whatever is still pending, at once. */
    public void flush() {
        List<ProgressEvent> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            pacer.ran();
            batch = take();
        }
        executor.onUiThread(() -> onUiThread.accept(batch));
    }

    private List<ProgressEvent> take() {
        List<ProgressEvent> batch = pending;
        pending = new ArrayList<>();
        return List.copyOf(batch);
    }
}
