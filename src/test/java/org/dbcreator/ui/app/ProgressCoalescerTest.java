package org.dbcreator.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dbcreator.progress.ProgressEvent;
import org.junit.jupiter.api.Test;

class ProgressCoalescerTest {

    private final AtomicLong clock = new AtomicLong();
    private final List<List<ProgressEvent>> handedOver = new ArrayList<>();

    @Test
    void aBurstWithinOnePeriodArrivesAsOneBatchWithEveryEvent() {
        ProgressCoalescer coalescer = new ProgressCoalescer(new CurrentThreadExecutor(), handedOver::add, clock::get,
                Duration.ofDays(1));
        coalescer.onEvent(notice("first"));
        for (int i = 0; i < 1000; i++) {
            coalescer.onEvent(notice("line " + i));
        }
        coalescer.flush();
        assertEquals(2, handedOver.size(), "the first event at once, the burst in one batch");
        assertEquals(List.of(notice("first").message()), messages(handedOver.get(0)));
        assertEquals(1000, handedOver.get(1).size());
        assertEquals("line 999", messages(handedOver.get(1)).get(999));
    }

    @Test
    void anEventAfterThePeriodIsHandedOverAtOnce() {
        ProgressCoalescer coalescer = new ProgressCoalescer(new CurrentThreadExecutor(), handedOver::add, clock::get,
                Duration.ofMillis(250));
        coalescer.onEvent(notice("a"));
        clock.addAndGet(Duration.ofMillis(251).toNanos());
        coalescer.onEvent(notice("b"));
        assertEquals(2, handedOver.size());
    }

    @Test
    void aHeldBackEventArrivesWithoutAnotherEventOrAFlush() throws InterruptedException {
        CountDownLatch second = new CountDownLatch(2);
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ProgressCoalescer coalescer = new ProgressCoalescer(new CurrentThreadExecutor(), batch -> {
            batch.forEach(e -> seen.add(((ProgressEvent.Notice) e).message()));
            second.countDown();
        }, clock::get, Duration.ofMillis(50));
        coalescer.onEvent(notice("started"));
        coalescer.onEvent(notice("a long statement runs"));
        assertEquals(true, second.await(5, TimeUnit.SECONDS), "the held-back event was never handed over");
        assertEquals(List.of("started", "a long statement runs"), seen);
    }

    @Test
    void aFlushWithNothingPendingHandsOverNothing() {
        ProgressCoalescer coalescer = new ProgressCoalescer(new CurrentThreadExecutor(), handedOver::add, clock::get,
                Duration.ofMillis(250));
        coalescer.flush();
        assertEquals(0, handedOver.size());
    }

    private static ProgressEvent.Notice notice(String text) {
        return new ProgressEvent.Notice(text, java.time.Instant.EPOCH);
    }

    private static List<String> messages(List<ProgressEvent> batch) {
        return batch.stream().map(e -> ((ProgressEvent.Notice) e).message()).toList();
    }
}
