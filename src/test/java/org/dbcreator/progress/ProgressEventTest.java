package org.dbcreator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressEventTest {

    @Test
    void anEventMadeWithoutATimeShouldBeStampedWhenItIsMade() {
        Instant before = Instant.now();
        ProgressEvent event = new ProgressEvent.StatementStarted("1.0.0/expand.sql", 0, 1, 1, "ALTER TABLE t ADD c INT");
        Instant after = Instant.now();

        assertThat(event.at()).isBetween(before, after);
    }

    @Test
    void aTimeGivenShouldBeKept() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");

        assertThat(new ProgressEvent.OrphanWait(12, Duration.ofSeconds(3), at).at()).isEqualTo(at);
    }

    @Test
    void plannedTablesShouldAddUpTheirExpectedRows() {
        ProgressEvent.TablesPlanned planned = new ProgressEvent.TablesPlanned(List.of(
                new ProgressEvent.PlannedTable("host", 1_200, true), new ProgressEvent.PlannedTable("event", 80_000, true),
                new ProgressEvent.PlannedTable("dbcreator_lock", 0, true)));

        assertThat(planned.expectedRows()).isEqualTo(81_200);
    }

    @Test
    void anEventShouldNotChangeWithTheListItWasMadeFrom() {
        List<ProgressEvent.Blocker> blockers = new ArrayList<>(List.of(
                new ProgressEvent.Blocker(5, "app", "h", Duration.ofSeconds(1), Optional.empty())));
        ProgressEvent.LockWait wait = new ProgressEvent.LockWait("x.sql:1", 2, Duration.ofMillis(500),
                Duration.ofSeconds(1), blockers, true);

        blockers.clear();

        assertThat(wait.blockers()).extracting(ProgressEvent.Blocker::sessionId).containsExactly(5L);
        assertThatThrownBy(() -> wait.blockers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
