package org.dbcreator.ui.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs engine calls and their outcomes on the calling thread: a ViewModel test sees the outcome when the call returns. */
public final class CurrentThreadExecutor implements UiExecutor {

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
}
