package org.dbcreator.ui.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs engine calls and their outcomes on the calling thread: a ViewModel test sees the outcome when
 * the call returns. A periodic read runs once when asked, then once on each {@link #tick()}: the test
 * says when time passed, no clock does.
 */
public final class CurrentThreadExecutor implements UiExecutor {

    private final List<Runnable> repeating = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            failed.accept(e);
            return;
        }
        succeeded.accept(result);
    }

    @Override
    public void onUiThread(Runnable task) {
        task.run();
    }

    @Override
    public <T> Repeating repeat(Duration period, Callable<T> work, Consumer<? super T> onUi, Consumer<Throwable> failed) {
        Runnable once = () -> run(work, onUi, failed);
        repeating.add(once);
        once.run();
        return () -> repeating.remove(once);
    }

    /** One period passed: every periodic read still running reads once more. */
    public void tick() {
        List.copyOf(repeating).forEach(Runnable::run);
    }

    /** How many periodic reads run. */
    public int repeating() {
        return repeating.size();
    }
}
