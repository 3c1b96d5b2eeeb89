package org.dbcreator.ui.expand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.dbcreator.progress.ProgressEvent;
import org.dbcreator.ui.app.CurrentThreadExecutor;
import org.junit.jupiter.api.Test;

/** How the Expand page draws a run's events: a backfill's rows, rate and time left; the sessions a lock wait names. */
class ExpandViewModelTest {

    private static final Instant T0 = Instant.parse("2026-12-03T07:00:00Z");

    private final ExpandViewModel page = new ExpandViewModel(null, new CurrentThreadExecutor(), null);

    @Test
    void aBackfillShouldShowRowsDoneOfTotalWithRateAndTimeLeft() {
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted("Backfill", "MIGRATION", 2, 4, -1, OptionalLong.of(10_000), T0),
                new ProgressEvent.BatchDone("Backfill", 0, 2_000, 2_000, OptionalLong.of(10_000), T0.plusSeconds(1)),
                new ProgressEvent.BatchDone("Backfill", 1, 2_000, 2_500, OptionalLong.of(10_000), T0.plusSeconds(2))));
        assertThat(page.backfillTextProperty().get()).isEqualTo("2,500 of 10,000 rows \u00b7 1,250 rows/s \u00b7 6 s left");
        assertThat(page.backfillProperty().get()).isEqualTo(0.25);
    }

    @Test
    void aBackfillWithoutACountShouldShowRowsAndRateOnly() {
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted("Backfill", "MIGRATION", 1, 1, -1, OptionalLong.empty(), T0),
                new ProgressEvent.BatchDone("Backfill", 0, 500, 500, OptionalLong.empty(), T0.plusSeconds(4))));
        assertThat(page.backfillTextProperty().get()).isEqualTo("500 rows \u00b7 125 rows/s");
        assertThat(page.backfillProperty().get()).isEqualTo(-1);
    }

    @Test
    void aLockWaitShouldListTheBlockingSessionsUntilTheStatementMovesOn() {
        ProgressEvent.Blocker blocker = new ProgressEvent.Blocker(42, "app", "10.0.0.7:5123", Duration.ofSeconds(95),
                Optional.of("UPDATE host SET ..."));
        page.onEvents(List.of(
                new ProgressEvent.ScriptStarted("4.1.0/expand.sql", "EXPAND", 1, 3, 2, OptionalLong.empty(), T0),
                new ProgressEvent.StatementStarted("4.1.0/expand.sql", 0, 2, 4, "ALTER TABLE host ADD COLUMN uuid", T0),
                new ProgressEvent.LockWait("4.1.0/expand.sql:4", 3, Duration.ofMillis(500), Duration.ofSeconds(12),
                        List.of(blocker), true, T0.plusSeconds(12))));
        assertThat(page.lockWaitProperty().get()).isEqualTo("Waiting for a lock at 4.1.0/expand.sql:4 for 0:12"
                + " (attempt 3 next, in 500 ms). These sessions hold it:");
        assertThat(page.blockers()).containsExactly(blocker);

        page.onEvents(List.of(new ProgressEvent.StatementDone("4.1.0/expand.sql", 0, 2, 4, 12_300, false, T0.plusSeconds(13))));
        assertThat(page.blockers()).isEmpty();
        assertThat(page.lockWaitProperty().get()).isEmpty();
        assertThat(page.log()).last().asString().endsWith("4.1.0/expand.sql:4 done in 12,300 ms");
    }
}
