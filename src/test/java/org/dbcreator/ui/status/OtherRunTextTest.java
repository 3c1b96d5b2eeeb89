package org.dbcreator.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.dbcreator.catalog.Version;
import org.dbcreator.engine.RunProgress;
import org.dbcreator.history.JournalEntry;
import org.dbcreator.history.Phase;
import org.junit.jupiter.api.Test;

/** The Status page's line about another operator's run, from its newest journal row. */
class OtherRunTextTest {

    private static final Version TARGET = Version.parse("4.3.0");

    @Test
    void aStatementShouldBeNamedWithItsScriptPositionOutcomeAndAge() {
        RunProgress run = new RunProgress(Phase.EXPANDING, TARGET, Optional.of(entry("4.3.0/expand.sql", 2, 14,
                "a".repeat(64), JournalEntry.Outcome.STARTED)), "", OptionalInt.of(7), Optional.of(Duration.ofMillis(4_400)));
        assertThat(StatusViewModel.otherRun(run)).isEqualTo(
                "Its run (expand to 4.3.0) is at 4.3.0/expand.sql statement 3 of 7 (running), written 4 s ago, as its journal says.");
    }

    @Test
    void aBatchShouldBeCountedFromOneAndItsMigrationNamedByItsDescription() {
        RunProgress run = new RunProgress(Phase.EXPANDING, TARGET, Optional.of(entry("org.dbcreator.demo.BackfillHostUuid",
                0, 0, "0".repeat(64), JournalEntry.Outcome.DONE)), "backfill host.uuid", OptionalInt.empty(),
                Optional.of(Duration.ofSeconds(130)));
        assertThat(run.atBatch()).isTrue();
        assertThat(StatusViewModel.otherRun(run)).isEqualTo(
                "Its run (expand to 4.3.0) is at backfill host.uuid batch 1 (done), written 2 min ago,"
                        + " as its journal says.");
    }

    @Test
    void aRunWithoutJournalRowsShouldSaySo() {
        RunProgress run = new RunProgress(Phase.CLEANING, TARGET, Optional.empty(), "", OptionalInt.empty(),
                Optional.empty());
        assertThat(StatusViewModel.otherRun(run)).isEqualTo("Its run (cleanup to 4.3.0) has written no journal row yet.");
    }

    private static JournalEntry entry(String script, int index, int line, String checksum, JournalEntry.Outcome outcome) {
        return new JournalEntry("run-1", script, index, line, checksum, outcome, 42, Optional.empty());
    }
}
