package org.dbcreator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void throwIfCancelledShouldPassUntilCancelledThenThrowCancelled() {
        Cancellation cancellation = new Cancellation();
        cancellation.throwIfCancelled();
        assertThat(cancellation.isCancelled()).isFalse();

        cancellation.cancel();
        cancellation.cancel(); // idempotent

        assertThat(cancellation.isCancelled()).isTrue();
        assertThatThrownBy(cancellation::throwIfCancelled).isInstanceOfSatisfying(DbCreatorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    }

    @Test
    void pauseShouldEndAtOnceWhenCancelled() throws Exception {
        Cancellation cancellation = new Cancellation();
        CountDownLatch pausing = new CountDownLatch(1);
        CompletableFuture<Long> paused = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            pausing.countDown();
            try {
                cancellation.pause(Duration.ofMinutes(5));
            } catch (DbCreatorException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED);
            }
            return (System.nanoTime() - start) / 1_000_000;
        });
        assertThat(pausing.await(10, TimeUnit.SECONDS)).isTrue();

        cancellation.cancel();

        assertThat(paused.get(10, TimeUnit.SECONDS)).isLessThan(5_000);
    }

    @Test
    void pauseShouldReturnNormallyWhenNotCancelled() {
        Cancellation cancellation = new Cancellation();
        long start = System.nanoTime();
        cancellation.pause(Duration.ofMillis(50));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void anInterruptedPauseShouldCountAsCancelledAndKeepTheInterrupt() {
        Cancellation cancellation = new Cancellation();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> cancellation.pause(Duration.ofMinutes(5)))
                    .isInstanceOfSatisfying(DbCreatorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aHookShouldRunOnCancelOnlyWhileRegistered() throws Exception {
        Cancellation cancellation = new Cancellation();
        AtomicInteger closedHookRuns = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        cancellation.onCancel(closedHookRuns::incrementAndGet).close();
        cancellation.onCancel(ran::countDown);

        cancellation.cancel();

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closedHookRuns).hasValue(0);
    }

    @Test
    void aHookRegisteredAfterTheCancelShouldRunAtOnce() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        AtomicInteger runs = new AtomicInteger();

        cancellation.onCancel(runs::incrementAndGet).close();

        assertThat(runs).hasValue(1);
    }
}
