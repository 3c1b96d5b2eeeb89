package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dbcreator.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

class LogFeedTest {

    /** Holds UI-thread tasks until the test runs them, as the FX thread does while it is busy. */
    private static final class HeldUiThread implements UiExecutor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUiThread(Runnable task) {
            queued.add(task);
        }
    }

    @Test
    void linesArrivingTogetherShouldBeDrawnInOneBatch() {
        HeldUiThread ui = new HeldUiThread();
        LogFeed feed = new LogFeed(ui);
        for (int i = 0; i < 500; i++) {
            feed.onEvent(new ProgressEvent.BatchDone("BackfillHostUuid", i, 999, 999L * (i + 1), java.util.OptionalLong.empty()));
        }
        assertThat(ui.queued).hasSize(1);
        assertThat(feed.lines()).isEmpty();
        ui.queued.get(0).run();
        assertThat(feed.lines()).hasSize(500);
        assertThat(feed.lines().get(499)).endsWith("BackfillHostUuid: batch 499, 999 rows");
        assertThat(feed.unseenProperty().get()).isEqualTo(500);
    }

    @Test
    void theFilterShouldShowAndCopyOnlyMatchingLines() {
        LogFeed feed = new LogFeed(new CurrentThreadExecutor());
        feed.add("Connecting to root@db1:3306/cloud");
        feed.onEvent(new ProgressEvent.Notice("Backing up table host"));
        feed.filterProperty().set("BACKING");
        assertThat(feed.shown()).hasSize(1);
        assertThat(feed.shownText()).contains("Backing up table host").doesNotContain("Connecting");
        feed.filterProperty().set("");
        assertThat(feed.shown()).hasSize(2);
    }
}
