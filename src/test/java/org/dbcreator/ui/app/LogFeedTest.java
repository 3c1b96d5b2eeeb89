package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dbcreator.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

class LogFeedTest {

    /** Holds UI-thread tasks until the test runs them, as the FX thread does while it is busy. */
    private static final class HeldUiThread implements UiExecutor {
        final List<Runnable> queued = new java.util.concurrent.CopyOnWriteArrayList<>(); // the delayed redraw queues from a timer thread

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
        LogFeed feed = new LogFeed(new CurrentThreadExecutor(), System::nanoTime, Duration.ZERO);
        feed.add("Connecting to root@db1:3306/cloud");
        feed.onEvent(new ProgressEvent.Notice("Backing up table host"));
        feed.filterProperty().set("BACKING");
        assertThat(feed.shown()).hasSize(1);
        assertThat(feed.shownText()).contains("Backing up table host").doesNotContain("Connecting");
        feed.filterProperty().set("");
        assertThat(feed.shown()).hasSize(2);
    }

    @Test
    void engineEventsShouldBeDrawnAtMostOncePerPeriodAndTheLastOneStillArrive() throws Exception {
        HeldUiThread ui = new HeldUiThread();
        AtomicLong clock = new AtomicLong();
        LogFeed feed = new LogFeed(ui, clock::get, Duration.ofMillis(100));
        feed.onEvent(new ProgressEvent.Notice("first"));
        drawQueued(ui);
        clock.set(Duration.ofMillis(40).toNanos());
        feed.onEvent(new ProgressEvent.Notice("second, too soon"));
        clock.set(Duration.ofMillis(60).toNanos());
        feed.onEvent(new ProgressEvent.Notice("third, too soon"));

        assertThat(ui.queued).as("no redraw within the period").isEmpty();
        assertThat(feed.lines()).hasSize(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ui.queued.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the delayed redraw comes one period later without any further event
        }
        drawQueued(ui);
        assertThat(feed.lines()).hasSize(3);
        assertThat(feed.lines().get(2)).endsWith("third, too soon");
    }

    @Test
    void aLineOfTheWindowsOwnShouldDrawAtOnceAfterWhatIsPending() {
        HeldUiThread ui = new HeldUiThread();
        AtomicLong clock = new AtomicLong();
        LogFeed feed = new LogFeed(ui, clock::get, Duration.ofMinutes(1));
        feed.onEvent(new ProgressEvent.Notice("engine 1"));
        drawQueued(ui);
        feed.onEvent(new ProgressEvent.Notice("engine 2"));
        feed.add("Expand stopped");

        drawQueued(ui);

        assertThat(feed.lines()).hasSize(3);
        assertThat(feed.lines().get(1)).endsWith("engine 2");
        assertThat(feed.lines().get(2)).endsWith("Expand stopped");
    }

    @Test
    void anEngineLineShouldCarryTheTimeOfItsEventNotOfItsRedraw() {
        LogFeed feed = new LogFeed(new CurrentThreadExecutor(), System::nanoTime, Duration.ZERO);
        Instant at = Instant.parse("2026-12-03T10:00:07Z");
        feed.onEvent(new ProgressEvent.Notice("stamped", at));
        assertThat(feed.lines().get(0)).startsWith(java.time.LocalTime.ofInstant(at, java.time.ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
    }

    private static void drawQueued(HeldUiThread ui) {
        List<Runnable> tasks = new ArrayList<>(ui.queued);
        ui.queued.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void theTitlesCountShouldChangeAtMostOnceASecondAndAtOnceToZero() throws Exception {
        AtomicLong clock = new AtomicLong();
        LogFeed feed = new LogFeed(new CurrentThreadExecutor(), clock::get, Duration.ZERO);
        feed.add("one");
        assertThat(feed.titleCountProperty().get()).isEqualTo(1);
        clock.set(Duration.ofMillis(400).toNanos());
        feed.add("two");
        feed.add("three");

        assertThat(feed.unseenProperty().get()).isEqualTo(3);
        assertThat(feed.titleCountProperty().get()).as("drawn again within the second").isEqualTo(1);

        clock.set(Duration.ofMillis(1_500).toNanos()); // the second is over when the delayed redraw comes
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (feed.titleCountProperty().get() != 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(feed.titleCountProperty().get()).isEqualTo(3);
        feed.add("four");
        feed.markSeen();
        assertThat(feed.titleCountProperty().get()).as("seen: the title says so at once").isZero();
    }
}
