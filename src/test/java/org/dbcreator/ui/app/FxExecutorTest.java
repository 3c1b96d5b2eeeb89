package org.dbcreator.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's executor: a periodic read goes on while the engine thread is busy, on its own thread. */
@ExtendWith(ApplicationExtension.class)
class FxExecutorTest {

    @Start
    void start(Stage stage) {
        // the FX toolkit runs; no window is needed
    }

    @Test
    void periodicReadShouldGoOnWhileTheEngineThreadIsBusyAndStopWhenAsked() throws Exception {
        try (FxExecutor executor = new FxExecutor()) {
            CountDownLatch engineBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            executor.run(() -> {
                engineBusy.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }, done -> { }, failed -> { });
            assertThat(engineBusy.await(10, TimeUnit.SECONDS)).isTrue();

            List<String> threads = new CopyOnWriteArrayList<>();
            List<Boolean> onFx = new CopyOnWriteArrayList<>();
            AtomicInteger reads = new AtomicInteger();
            CountDownLatch threeReads = new CountDownLatch(3);
            UiExecutor.Repeating polling = executor.repeat(Duration.ofMillis(20), () -> {
                threads.add(Thread.currentThread().getName());
                return reads.incrementAndGet();
            }, read -> {
                onFx.add(Platform.isFxApplicationThread());
                threeReads.countDown();
            }, failed -> { });

            assertThat(threeReads.await(10, TimeUnit.SECONDS)).as("three reads while the engine thread waits").isTrue();
            polling.stop();
            release.countDown();
            int stoppedAt = reads.get();
            CountDownLatch engineFree = new CountDownLatch(1);
            executor.run(() -> true, done -> engineFree.countDown(), failed -> { });
            assertThat(engineFree.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(threads).containsOnly("dbcreator-poll");
            assertThat(onFx).containsOnly(true);
            assertThat(reads.get()).isLessThanOrEqualTo(stoppedAt + 1); // at most the read under way when stopped
        }
    }
}
